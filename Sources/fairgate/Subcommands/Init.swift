import ArgumentParser
import FairAudit
import FairModels
import FairTabular
import Foundation

extension FairGateCommand {
  /// `fairgate init`: writes a commented starter manifest from the data.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Write a commented starter audit manifest from a model and its data.",
      discussion: """
        Reads the data (and the model, when given), guesses the protected attributes from \
        the column names, the label and the id column, flags protected attributes that are \
        model inputs, suggests policy packs, and writes a manifest with a comment on every \
        section for you to edit. Paths in it are relative to the manifest's folder. The \
        manifest is written to '--output' (default fairgate.yaml; '-' for standard output) \
        and never over an existing file unless '--force' is given.
        """
    )

    @Option(help: ArgumentHelp("The model file (optional).", valueName: "path"))
    var model: String?

    @Option(help: ArgumentHelp("The CSV file of rows to audit.", valueName: "file.csv"))
    var data: String

    @Option(
      help: ArgumentHelp(
        "With '--model': how the margin of a model trained with a custom objective maps to its "
          + "prediction ('identity' or 'logistic'); written to the manifest as 'model: link:'.",
        valueName: "link"))
    var link: ModelLink?

    @OptionGroup var csv: CSVInputOptions

    @Option(
      name: [.short, .long],
      help: ArgumentHelp(
        "Where to write the manifest ('-' for standard output).", valueName: "path"))
    var output: String = "fairgate.yaml"

    @Flag(help: "Overwrite an existing manifest.")
    var force = false

    func validate() throws {
      if link != nil && model == nil {
        throw ValidationError("'--link' is only valid with '--model'")
      }
    }

    func run() throws {
      let read = try model.map { ModelSource.file($0, link: link) }
        .map { try $0.loadReading(data, csv: try csv.csvOptions()) }
      let loaded = read?.model
      let dataset =
        try read?.dataset ?? CSVReader(options: try csv.csvOptions()).read(contentsOf: data)
      if output != "-" && !force && FileManager.default.fileExists(atPath: output) {
        throw ValidationError("'\(output)' exists; give '--force' to overwrite it")
      }
      let folder = output == "-" ? "." : (output as NSString).deletingLastPathComponent
      let text = StarterManifest.render(
        dataPath: Self.relative(data, to: folder), dataset: dataset,
        modelPath: model.map { Self.relative($0, to: folder) },
        modelFeatures: loaded?.features.map(\.name), modelLink: link)
      if output == "-" {
        let out = StandardOutput()
        out.write(text)
        out.flush()
      } else {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        StandardError.write("wrote \(output); edit it, then run 'fairgate audit \(output)'")
      }
    }

    /// `path` relative to `folder`, when both are under a common ancestor; else absolute.
    static func relative(_ path: String, to folder: String) -> String {
      let base = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardized.pathComponents
      let target = URL(fileURLWithPath: path).standardized.pathComponents
      var common = 0
      while common < base.count && common < target.count && base[common] == target[common] {
        common += 1
      }
      guard common > 1 else { return URL(fileURLWithPath: path).standardized.path }
      let ups = Array(repeating: "..", count: base.count - common)
      return (ups + target[common...]).joined(separator: "/")
    }
  }
}
