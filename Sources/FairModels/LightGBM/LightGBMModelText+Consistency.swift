/// The header checks LightGBM's `GBDT::LoadModelFromString` makes (<doc:LoaderConsistency>).
extension LightGBMModelText {
  /// Checks the header lines LightGBM requires and their counts.
  ///
  /// LightGBM refuses a file without `num_class` ("Model file doesn't specify the number of
  /// classes"), `label_index`, `max_feature_idx`, `feature_names` or `feature_infos`, and
  /// one whose `feature_infos` does not have one entry per feature ("Wrong size of
  /// feature_infos").
  ///
  /// - Parameter featureCount: `max_feature_idx + 1`.
  /// - Throws: `ModelError` with the line: `malformed` for a missing line, `invalidStructure`
  ///   for a count that disagrees.
  func checkHeader(featureCount: Int) throws(ModelError) {
    _ = try header.integer("num_class")
    _ = try header.integer("label_index")
    let infos = try header.text("feature_infos")
    let count = infos.value.split(separator: " ").count
    guard count == featureCount else {
      throw ModelError(
        .invalidStructure, file: header.file, line: infos.line, place: "'feature_infos'",
        message: "has \(count) entries, but 'max_feature_idx' says \(featureCount) features")
    }
  }

  /// Checks `tree_sizes`, when the header has it, against the tree blocks.
  ///
  /// LightGBM cuts the trees out of the file by these byte counts: a size that does not end
  /// where the next `Tree=` line starts is refused ("Model format error, expect a tree
  /// here"), but a list shorter than the trees makes LightGBM load only the trees it
  /// lists and ignore the rest. FairGate refuses both, so it never scores trees LightGBM
  /// would not.
  ///
  /// - Throws: `ModelError` (`invalidStructure`) with the `tree_sizes` line.
  func checkTreeSizes() throws(ModelError) {
    guard let entry = header.entries["tree_sizes"] else { return }
    let sizes = try header.integers(
      "tree_sizes", count: entry.value.utf8.split(separator: UInt8(ascii: " ")).count)
    guard sizes.count == trees.count else {
      throw ModelError(
        .invalidStructure, file: header.file, line: entry.line, place: "'tree_sizes'",
        message: "lists \(sizes.count) sizes, but the file has \(trees.count) trees")
    }
    for (tree, size) in sizes.enumerated() where size != treeByteCounts[tree] {
      throw ModelError(
        .invalidStructure, file: header.file, line: entry.line,
        place: "'tree_sizes', entry \(tree)",
        message: "says tree \(tree) is \(size) bytes long, but its block (line "
          + "\(trees[tree].line)) is \(treeByteCounts[tree]) bytes long")
    }
  }
}
