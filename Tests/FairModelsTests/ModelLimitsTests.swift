import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// The readers' limits on file size, tree count, nodes per tree and category bitsets
/// (``ModelLimits``): each is exceeded with a small input, by lowering the limit or by a
/// declared count, and refused with a located `ModelError` before anything is sized by it.
@Suite struct ModelLimitsTests {
  /// Limits low enough for the test models to exceed.
  private static func lowered(_ change: (inout ModelLimits) -> Void) -> ModelLimits {
    var limits = ModelLimits.standard
    change(&limits)
    return limits
  }

  // MARK: File size

  @Test func xgboostFileOverTheSizeLimitIsRefused() throws {
    let path = try FixturePaths.temporaryFile("model.json", contents: XGBoostTestModels.and)
    let limits = Self.lowered { $0.fileSize = 100 }
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(contentsOf: path, link: nil, limits: limits)
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.file == path)
    #expect(
      error?.message
        == "the file is larger than 100 bytes, the most FairGate reads for a model file"
    )
    // At the limit, the same file loads.
    let exact = Self.lowered { $0.fileSize = XGBoostTestModels.and.utf8.count }
    _ = try XGBoostModelLoader.load(contentsOf: path, link: nil, limits: exact)
  }

  @Test func lightGBMFileOverTheSizeLimitIsRefused() throws {
    let path = try FixturePaths.temporaryFile("model.txt", contents: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(
        contentsOf: path, link: nil, limits: Self.lowered { $0.fileSize = 1000 })
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.file == path)
    #expect(error?.message.hasPrefix("the file is larger than 1000 bytes") == true)
  }

  @Test func fileSizeLimitIsTwoGibibytes() {
    #expect(ModelLimits.standard.fileSize == 2_147_483_648)
  }

  // MARK: Tree count

  @Test func xgboostModelWithTooManyTreesIsRefused() {
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(
        data: Array(XGBoostTestModels.logistic.utf8), file: "m.json", link: nil,
        limits: Self.lowered { $0.treeCount = 1 })
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "'learner.gradient_booster.model.trees'")
    #expect(
      error?.message == "the model has 2 trees; FairGate reads models of at most 1 trees")
  }

  @Test func lightGBMModelWithTooManyTreesIsRefusedAtTheFirstTreeOverTheLimit() throws {
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(
        text: LightGBMTestModels.tiny, file: "m.txt", link: nil,
        limits: Self.lowered { $0.treeCount = 1 })
    }
    #expect(error?.kind == .unsupported)
    #expect(
      error?.line == LightGBMTestModels.line(startingWith: "Tree=1", in: LightGBMTestModels.tiny))
    #expect(
      error?.message == "the model has more than 1 trees; FairGate reads models of at most 1 trees"
    )
  }

  // MARK: Nodes per tree

  @Test func xgboostTreeDeclaringTooManyNodesIsRefusedBeforeReadingItsArrays() {
    // 20 million declared nodes, five present: refused on the declaration, with the
    // standard limit, before any array is read or sized.
    let text = XGBoostTestModels.replacing(
      "\"num_nodes\":\"5\"", with: "\"num_nodes\":\"20000000\"", in: XGBoostTestModels.and)
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: Array(text.utf8), file: "m.json")
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "tree 0, 'tree_param.num_nodes'")
    #expect(
      error?.message
        == "the tree has 20000000 nodes; FairGate reads trees of at most 10000000 nodes")
  }

  @Test func lightGBMTreeDeclaringTooManyLeavesIsRefusedAtItsLine() {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "num_leaves=3", with: "num_leaves=6000000", in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "m.txt")
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.line == LightGBMTestModels.line(startingWith: "num_leaves", in: text))
    #expect(error?.place == "tree 0, 'num_leaves'")
    #expect(
      error?.message
        == "the tree has 6000000 leaves, so more than 10000000 nodes; FairGate reads trees of "
        + "at most 10000000 nodes")
  }

  @Test func lightGBMLeafLimitFollowsTheNodeLimit() throws {
    // Three leaves are five nodes: within a limit of 5, over a limit of 4.
    _ = try LightGBMModelLoader.load(
      text: LightGBMTestModels.tiny, file: "m.txt", link: nil,
      limits: Self.lowered { $0.nodesPerTree = 5 })
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(
        text: LightGBMTestModels.tiny, file: "m.txt", link: nil,
        limits: Self.lowered { $0.nodesPerTree = 4 })
    }
    #expect(error?.place == "tree 0, 'num_leaves'")
  }

  // MARK: PMML trees

  private static let fields = """
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="y" optype="continuous" dataType="double"/>
    """

  private static let tree = """
    <TreeModel functionName="regression">
      <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
      <Node score="0"><True/>
        <Node score="1"><SimplePredicate field="x" operator="lessThan" value="1"/></Node>
        <Node score="2"><True/></Node>
      </Node>
    </TreeModel>
    """

  private static let forest = PMMLTesting.document(
    fields: fields,
    model: """
      <MiningModel functionName="regression">
        <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
        <Segmentation multipleModelMethod="sum">
          <Segment id="1"><True/>\(tree)</Segment>
          <Segment id="2"><True/>\(tree)</Segment>
        </Segmentation>
      </MiningModel>
      """)

  private static func loadPMML(_ text: String, limits: ModelLimits) throws -> PMMLModel {
    try PMMLModelLoader.load(
      data: Array(text.utf8), file: "m.pmml", sizeLimit: PMMLModelLoader.defaultSizeLimit,
      limits: limits)
  }

  @Test func pmmlEnsembleWithTooManyTreesIsRefusedAtTheFirstTreeOverTheLimit() throws {
    _ = try Self.loadPMML(Self.forest, limits: .standard)
    let error = #expect(throws: ModelError.self) {
      try Self.loadPMML(Self.forest, limits: Self.lowered { $0.treeCount = 1 })
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.place?.hasSuffix("TreeModel") == true, "\(error?.place ?? "")")
    #expect(error?.place?.contains("Segment[2]") == true, "\(error?.place ?? "")")
    #expect(
      error?.message == "the model has more than 1 trees; FairGate reads models of at most 1 trees"
    )
  }

  @Test func pmmlTreeWithTooManyNodesIsRefusedAtTheFirstNodeOverTheLimit() throws {
    let document = PMMLTesting.document(fields: Self.fields, model: Self.tree)
    _ = try Self.loadPMML(document, limits: Self.lowered { $0.nodesPerTree = 3 })
    let error = #expect(throws: ModelError.self) {
      try Self.loadPMML(document, limits: Self.lowered { $0.nodesPerTree = 2 })
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.place?.hasSuffix("Node[2]") == true, "\(error?.place ?? "")")
    #expect(
      error?.message == "the tree has more than 2 nodes; FairGate reads trees of at most 2 nodes")
  }

  // MARK: Category bitsets

  /// A one-split tree whose categorical split lists `categories`.
  private static func categoricalStump(_ categories: [Int32]) -> Tree {
    var tree = Tree(nodeCount: 3)
    tree.splitFeature[0] = 0
    tree.leftChild[0] = 1
    tree.rightChild[0] = 2
    tree.rule[0] = [.categorical]
    tree.categories[0] = categories
    return tree
  }

  private static func ensemble(_ trees: [Tree], categoryWords: Int) throws -> TreeEnsemble {
    try TreeEnsemble(
      trees: trees, weights: nil, baseMargin: 0,
      features: [ModelFeature(name: "c", kind: .categorical(levels: []))], task: .regression,
      outputTransform: .identity, accumulation: .float32, summary: "", file: "m.json",
      limits: Self.lowered { $0.categoryWords = categoryWords })
  }

  @Test func categoryBitsetsOverTheLimitAreRefusedBeforeAllocating() throws {
    // Category 100 needs a bitset of 4 words, whatever the list's length; two such
    // splits need 8.
    let stump = Self.categoricalStump([100])
    _ = try Self.ensemble([stump, stump], categoryWords: 8)
    let error = #expect(throws: ModelError.self) {
      try Self.ensemble([stump, stump], categoryWords: 7)
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.file == "m.json")
    #expect(error?.place == "tree 1, node 0, 'categories'")
    #expect(
      error?.message.hasPrefix(
        "the category sets of the model's splits need more than 7 32-bit words of bitsets "
          + "(this node's largest category is 100)") == true)
  }

  @Test func xgboostCategoricalSplitOnAHugeCategoryCountsAgainstTheLimit() throws {
    // One listed category, 16777215, would need a 2 MiB bitset.
    let text = XGBoostTestModels.replacing(
      "\"categories\":[1]", with: "\"categories\":[16777215]", in: XGBoostCategoricalTests.model)
    _ = try XGBoostModelLoader.load(data: Array(text.utf8), file: "m.json")
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(
        data: Array(text.utf8), file: "m.json", link: nil,
        limits: Self.lowered { $0.categoryWords = 524_287 })
    }
    #expect(error?.kind == .unsupported)
    #expect(error?.place == "tree 0, node 0, 'categories'")
    #expect(error?.message.contains("this node's largest category is 16777215") == true)
  }

  @Test(arguments: ["9223372036854775807", "9223372036854775806"])
  func xgboostCategorySizeNearIntMaxIsRefusedWithoutOverflow(size: String) {
    let text = XGBoostTestModels.replacing(
      "\"categories_segments\":[0],\"categories_sizes\":[1]",
      with: "\"categories_segments\":[1],\"categories_sizes\":[\(size)]",
      in: XGBoostCategoricalTests.model)
    let error = #expect(throws: ModelError.self) {
      try XGBoostModelLoader.load(data: Array(text.utf8), file: "m.json")
    }
    #expect(error?.kind == .invalidStructure)
    #expect(error?.place == "tree 0, node 0, 'categories_segments'")
    #expect(error?.message.contains("is outside 'categories' (1 entries)") == true)
  }

  @Test func lightGBMCategoryBitsetsOverTheLimitAreRefusedAtTheirLine() {
    // The tiny model's trees have one bitset word each.
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(
        text: LightGBMTestModels.tiny, file: "m.txt", link: nil,
        limits: Self.lowered { $0.categoryWords = 0 })
    }
    #expect(error?.kind == .unsupported)
    #expect(
      error?.line
        == LightGBMTestModels.line(startingWith: "cat_boundaries", in: LightGBMTestModels.tiny))
    #expect(error?.place == "tree 0, 'cat_boundaries'")
    #expect(error?.message.hasPrefix("the tree's category bitsets have 1 32-bit words") == true)
  }

  // MARK: Counts that overflowed

  @Test(arguments: ["1e300", "INF", "NaN"])
  func pmmlArrayDeclaringAnUnrepresentableCountIsRefused(count: String) {
    let document = PMMLTesting.document(
      fields: """
        <DataField name="x" optype="categorical" dataType="string"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
      model: """
        <TreeModel functionName="regression">
          <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Node score="0"><True/>
            <Node score="1"><SimpleSetPredicate field="x" booleanOperator="isIn">
              <Array n="\(count)" type="string">a b</Array></SimpleSetPredicate></Node>
            <Node score="2"><True/></Node>
          </Node>
        </TreeModel>
        """)
    let error = #expect(throws: ModelError.self) { try PMMLTesting.load(document) }
    // Refused as a count that disagrees (or a value that is no number), not a trap.
    #expect(error?.kind == .invalidStructure)
    #expect(error?.place?.hasSuffix("Array") == true, "\(error?.place ?? "")")
    if count == "1e300" {
      #expect(error?.message == "Array declares n=1e+300 entries but holds 2")
    }
  }

  @Test func lightGBMMaximumFeatureIndexOfIntMaxIsRefused() {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "max_feature_idx=", with: "max_feature_idx=9223372036854775807",
      in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "m.txt")
    }
    #expect(error?.kind == .invalidStructure)
    #expect(error?.place == "'max_feature_idx'")
    #expect(error?.message == "is 9223372036854775807; expected -1 to 2147483646")
  }

  @Test func lightGBMCategorySetCountOfIntMaxIsRefused() {
    let text = LightGBMTestModels.replacingLine(
      startingWith: "num_cat=1", with: "num_cat=9223372036854775807", in: LightGBMTestModels.tiny)
    let error = #expect(throws: ModelError.self) {
      try LightGBMModelLoader.load(text: text, file: "m.txt")
    }
    #expect(error?.kind == .invalidStructure)
    #expect(error?.place == "tree 0, 'num_cat'")
  }
}
