import FairModels
import FairTabular

/// Writes the starter manifest's text, section by section.
struct StarterWriter {
  let analysis: StarterAnalysis
  let dataset: Dataset
  let dataPath: String
  let modelPath: String?
  /// The declared link of a model trained with a custom objective.
  let modelLink: ModelLink?
  /// The lines written so far.
  private(set) var lines: [String] = []

  /// The widest line the writer wraps lists to.
  static let lineWidth = 96

  init(
    analysis: StarterAnalysis, dataset: Dataset, dataPath: String, modelPath: String?,
    modelLink: ModelLink? = nil
  ) {
    self.modelLink = modelLink
    self.analysis = analysis
    self.dataset = dataset
    self.dataPath = dataPath
    self.modelPath = modelPath
  }

  /// The text, each line ending in `\n`.
  var text: String { lines.map { $0 + "\n" }.joined() }

  /// Writes every section.
  mutating func write() {
    header()
    predictions()
    data()
    decision()
    protectedAttributes()
    intersections()
    featureGroups()
    attributions()
    proxies()
    statistics()
    policies()
    waivers()
    report()
  }

  // MARK: - Output

  mutating func line(_ text: String = "") { lines.append(text) }

  /// `# text`, wrapped at the line width, with `indent` spaces before the `#`.
  mutating func comment(_ text: String, indent: Int = 0) {
    let prefix = String(repeating: " ", count: indent) + "# "
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if !current.isEmpty, prefix.count + current.count + 1 + word.count > StarterWriter.lineWidth {
        lines.append(prefix + current)
        current = String(word)
      } else {
        current += (current.isEmpty ? "" : " ") + word
      }
    }
    lines.append(current.isEmpty ? String(prefix.dropLast()) : prefix + current)
  }

  /// `key: [a, b, …]`, wrapped at the line width with continuation lines under the first item.
  mutating func flowList(_ key: String, _ items: [String], indent: Int = 0) {
    let start = String(repeating: " ", count: indent) + key + ": ["
    let continuation = String(repeating: " ", count: start.count)
    var current = start
    for (index, item) in items.enumerated() {
      let piece = YAMLScalar.quoted(item) + (index == items.count - 1 ? "]" : ",")
      if current != start, current.count + 1 + piece.count > StarterWriter.lineWidth {
        lines.append(current)
        current = continuation + piece
      } else {
        current += (current == start ? "" : " ") + piece
      }
    }
    lines.append(items.isEmpty ? start + "]" : current)
  }

  // MARK: - Sections

  private mutating func header() {
    let file = StarterWriter.fileName(dataPath)
    comment("FairGate audit manifest: a starter that `fairgate init` wrote from '\(file)'.")
    comment(
      "Each guess is marked 'check:'. Read every section, correct it, then run "
        + "`fairgate audit`. Relative paths start at this file's folder.")
    let flagged = analysis.attributes.filter { !$0.modelInputs.isEmpty }
    if !flagged.isEmpty {
      comment("")
      comment(
        "WARNING: the model reads protected attributes as inputs: "
          + flagged.map { "'\($0.column ?? $0.name)'" }.joined(separator: ", ")
          + ". Using a prohibited basis as a model input needs a legal justification (see the "
          + "comments under 'protected')")
    }
    line()
    line("audit: " + StarterWriter.identifier(from: file))
    let subject =
      modelPath.map(StarterWriter.fileName)
      ?? (analysis.scoreColumn == nil && analysis.decision == nil
        ? "the model" : "recorded decisions")
    line("title: " + YAMLScalar.quoted("Fairness audit of \(subject) on \(file)"))
    line()
  }

  private mutating func predictions() {
    if let modelPath {
      comment("The model: an XGBoost JSON, LightGBM text or PMML file (recognised by content).")
      line("model:")
      line("  file: " + YAMLScalar.quoted(modelPath))
      if let modelLink {
        comment(
          "Trained with a custom objective: how its margin maps to a prediction "
            + "(identity or logistic).", indent: 2)
        line("  link: " + modelLink.rawValue)
      }
      line()
      return
    }
    if analysis.scoreColumn != nil || analysis.decision != nil {
      comment("No model: the audit reads outputs recorded in the data (historical decisions).")
      line("scores:")
      if let score = analysis.scoreColumn {
        line("  score_column: " + YAMLScalar.quoted(score) + "   # check: the recorded score")
      }
      if let decision = analysis.decision {
        line(
          "  decision_column: " + YAMLScalar.quoted(decision.column)
            + "   # check: the recorded decision")
        if let favourable = decision.favourable {
          line(
            "  favourable_decision: " + YAMLScalar.quoted(favourable) + "   # check: values "
              + decision.values.prefix(6).map { "'\($0)'" }.joined(separator: ", "))
        }
      }
      line()
      return
    }
    comment(
      "check: no model was given and the data has no score or decision column. Point 'file:' "
        + "at an XGBoost JSON, LightGBM text or PMML model, or give a command that reads CSV "
        + "rows (with a header) on stdin and prints one score per row.")
    line("model:")
    line("  command: \"python score.py\"")
    flowList(
      "features", analysis.features.isEmpty ? dataset.columnNames : analysis.features, indent: 2)
    line("  output: probability         # probability | margin")
    line()
  }

  private mutating func data() {
    comment("The data. A text label needs its favourable value.")
    line("data:")
    line("  file: " + YAMLScalar.quoted(dataPath))
    if let id = analysis.idColumn {
      line("  id_column: " + YAMLScalar.quoted(id) + "   # a unique id per row, kept in reports")
    } else {
      line("  # id_column: applicant_id   # a unique id per row (else the 0-based row index)")
    }
    if let label = analysis.label {
      let check = label.isGuessed ? "check: " : ""
      line(
        "  label: " + YAMLScalar.quoted(label.column)
          + "   # \(check)the true outcome, for error-rate metrics")
      if let favourable = label.favourable {
        line(
          "  favourable_label: " + YAMLScalar.quoted(favourable) + "   # \(check)values "
            + label.values.prefix(6).map { "'\($0)'" }.joined(separator: ", "))
      }
    } else {
      line("  # label: outcome             # the true outcome, for error-rate metrics")
      line("  # favourable_label: \"yes\"")
    }
    line("  # delimiter: \",\"              # the field separator; \"tab\" for a tab")
    line("  # missing: [\"\", NA, \"?\"]      # cell texts that mean missing")
    line("  # column_types: {zip_code: categorical}   # override an inferred type")
    line()
  }

  private mutating func decision() {
    if modelPath == nil, analysis.decision != nil { return }
    let isModel = modelPath != nil || analysis.scoreColumn == nil
    comment("How scores become decisions.")
    line("decision:")
    if isModel {
      let below = analysis.label?.favourable == "0"
      line("  space: probability      # probability | margin")
      line("  threshold: 0.5          # check: the cut-off used in production")
      comment(
        "check: 'above' when the model predicts the favourable outcome, 'below' for a risk score",
        indent: 2)
      line("  favourable: \(below ? "below" : "above")")
    } else if let score = analysis.scoreColumn, let column = dataset.column(named: score)?.numeric {
      let present = column.values.filter { !$0.isNaN }.sorted()
      let isProbability = present.allSatisfy { $0 >= 0 && $0 <= 1 }
      let median = present.isEmpty ? 0.5 : present[present.count / 2]
      line("  space: " + (isProbability ? "probability" : "score") + "      # probability | score")
      line(
        "  threshold: " + StarterWriter.number(isProbability ? 0.5 : median)
          + "   # check: the cut-off used in production")
      line("  favourable: above       # check: 'below' for a risk score")
    }
    line()
  }

  // MARK: - Names

  /// The last component of a path.
  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// An audit identifier from a file name: its stem with other characters as `-`.
  static func identifier(from file: String) -> String {
    let stem = file.split(separator: ".").first.map(String.init) ?? file
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    let cleaned = String(stem.map { allowed.contains($0) ? $0 : "-" })
    return (cleaned.isEmpty ? "data" : cleaned) + "-audit"
  }

  /// A number as YAML writes it: whole numbers without a fraction.
  static func number(_ value: Double) -> String {
    ManifestValidator.label(of: value)
  }
}
