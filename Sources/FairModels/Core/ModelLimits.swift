/// The largest models the readers accept, so that a damaged or hostile file is refused with
/// a located ``ModelError`` (exit 2 from `fairgate`) instead of exhausting memory.
///
/// Every limit sits far above what the training libraries write; the reason for each value
/// is on its constant. The readers take a `ModelLimits` value so that tests can lower the
/// limits and exceed them with small inputs; the product always uses ``standard``. The other
/// limits are kept beside their readers: JSON nesting (``JSONParser/maximumDepth``), the
/// PMML document size (``PMMLModelLoader/defaultSizeLimit``) and the XGBoost feature count
/// (``XGBoostLearnerReader/maximumFeatureCount``).
struct ModelLimits: Sendable {
  /// The largest XGBoost JSON or LightGBM text file read: 2 GiB.
  ///
  /// The whole file is held in memory, and parsing needs a few times its size again. Real
  /// models stay far below: 10,000 XGBoost trees of depth 8 make about 600 MB of JSON, and
  /// LightGBM's text is more compact. (PMML has its own, smaller limit.)
  static let maximumFileSize = 2 << 30

  /// The most trees a model may have: 100,000.
  ///
  /// Boosted models rarely exceed a few thousand rounds and random forests a few thousand
  /// trees; 100,000 leaves room for long runs with a small learning rate while bounding the
  /// per-tree bookkeeping a file can demand.
  static let maximumTreeCount = 100_000

  /// The most nodes one tree may have: 10,000,000.
  ///
  /// LightGBM caps `num_leaves` at 131,072 (262,143 nodes); a full XGBoost tree of depth 20
  /// has about 2 million nodes. The limit is checked on the declared count
  /// (`tree_param.num_nodes`, `num_leaves`) before anything is sized by it.
  static let maximumNodesPerTree = 10_000_000

  /// The most 32-bit words of category bitsets all categorical splits together may need:
  /// 2²⁶ (256 MiB).
  ///
  /// A split's bitset has a bit for every category up to the largest in its set, so an
  /// XGBoost node listing the one category 16,777,215 needs 2 MiB: a small file repeating
  /// such nodes would otherwise demand gigabytes. 2²⁶ words hold, for example, 65,536
  /// splits on features of 32,768 categories, far more than XGBoost (`max_cat_threshold`)
  /// or LightGBM (`max_cat_threshold`, 32 by default) produce.
  static let maximumCategoryWords = 1 << 26

  /// The largest file read, in bytes.
  var fileSize = maximumFileSize
  /// The most trees in a model.
  var treeCount = maximumTreeCount
  /// The most nodes in one tree.
  var nodesPerTree = maximumNodesPerTree
  /// The most bitset words of all categorical splits together.
  var categoryWords = maximumCategoryWords

  /// The limits the product uses.
  static let standard = ModelLimits()

  /// The texts of the limit errors.
  enum Message {
    /// A file over ``ModelLimits/fileSize``.
    static func fileTooLarge(limit: Int) -> String {
      "the file is larger than \(limit) bytes, the most FairGate reads for a model file"
    }

    /// A model with more than ``ModelLimits/treeCount`` trees.
    static func tooManyTrees(_ count: String, limit: Int) -> String {
      "the model has \(count) trees; FairGate reads models of at most \(limit) trees"
    }

    /// A tree with more than ``ModelLimits/nodesPerTree`` nodes.
    static func tooManyNodes(_ count: String, limit: Int) -> String {
      "the tree has \(count) nodes; FairGate reads trees of at most \(limit) nodes"
    }

    /// A LightGBM tree whose leaves make more than ``ModelLimits/nodesPerTree`` nodes.
    static func tooManyLeaves(_ count: Int, limit: Int) -> String {
      "the tree has \(count) leaves, so more than \(limit) nodes; FairGate reads trees of at "
        + "most \(limit) nodes"
    }

    /// Category sets whose bitsets need more than ``ModelLimits/categoryWords`` words.
    static func categorySetsTooLarge(largest: Int32, limit: Int) -> String {
      "the category sets of the model's splits need more than \(limit) 32-bit words of "
        + "bitsets (this node's largest category is \(largest)); FairGate reads models "
        + "whose category bitsets total at most \(limit) words"
    }
  }
}
