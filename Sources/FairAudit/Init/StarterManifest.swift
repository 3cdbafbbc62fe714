public import FairModels
public import FairTabular

/// The commented starter manifest that `fairgate init` writes.
///
/// The starter is built from the data: it guesses the protected attributes from column names
/// (sex or gender, race or ethnicity, age cut into bands, marital or personal status,
/// national origin or foreign, religion, disability, veteran status, and race membership
/// probabilities such as `p_white`), the label (names such as `label`, `target`, `outcome`,
/// `default`, `credit_risk`, `income`, `hired`, `qualified` or `approved`, else a two-valued
/// column) and its favourable value, a unique id column named like `*_id`, suspected proxies
/// (ZIP code, relationship, …) and one-hot feature groups (`purpose=car`). It flags protected
/// attributes that are model inputs (a prohibited basis used by the model), and suggests
/// policy packs for hiring or credit from the names. Every section carries `#` comments, each
/// guess is marked `check:`, and waivers and report metadata are written commented out.
///
/// The text always parses as an ``AuditManifest`` when the data and model paths are valid
/// relative to the folder it is written to; ``AuditManifest/validate(against:)`` then checks
/// the guesses against the data.
///
/// ```swift
/// let dataset = try CSVReader().read(contentsOf: "data/loans.csv")
/// let text = StarterManifest.render(
///   dataPath: "data/loans.csv", dataset: dataset, modelPath: "model.json",
///   modelFeatures: model.features.map(\.name))
/// ```
public enum StarterManifest {
  /// Writes a commented starter manifest for `dataset`.
  ///
  /// - Parameters:
  ///   - dataPath: The data file's path as the manifest should write it (relative to the
  ///     folder the manifest is written to).
  ///   - dataset: The data, read with the default options.
  ///   - modelPath: The model file's path as the manifest should write it; `nil` writes the
  ///     recorded score and decision columns if the data has them, else a model command to
  ///     fill in.
  ///   - modelFeatures: The model's input names, to flag protected attributes the model
  ///     reads; `nil` treats every column without another role as an input.
  /// - Returns: The YAML text, lines ending in `\n`.
  /// - Complexity: O(*n*·*c*) for *n* rows and *c* columns.
  public static func render(
    dataPath: String, dataset: Dataset, modelPath: String?, modelFeatures: [String]?,
    modelLink: ModelLink? = nil
  ) -> String {
    let analysis = StarterAnalysis(
      dataset: dataset, dataPath: dataPath, hasModel: modelPath != nil,
      modelFeatures: modelFeatures)
    var writer = StarterWriter(
      analysis: analysis, dataset: dataset, dataPath: dataPath, modelPath: modelPath,
      modelLink: modelLink)
    writer.write()
    return writer.text
  }
}
