import ArgumentParser
import FairAudit
import FairPolicy
import Foundation

extension FairGateCommand {
  /// `fairgate evidence`: partial evidence of partitions of the rows, and its merge.
  struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evidence",
      abstract: "Compute and merge partial evidence of partitions of the rows.",
      discussion: """
        An audit too large for one machine runs in pieces: 'fairgate evidence partial' on \
        each partition of the rows writes its tallies (fairgate.partial-evidence/1), \
        'fairgate evidence merge' adds them up exactly, and 'fairgate audit MANIFEST \
        --evidence MERGED' applies the policies with no pass over the data. The merged \
        evidence equals the evidence of one pass over all rows, bit for bit, however the \
        rows were split.
        """,
      subcommands: [Partial.self, Merge.self, Inputs.self])

    /// `fairgate evidence partial`.
    struct Partial: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "partial",
        abstract: "Write the partial evidence of one partition of the audit's rows.",
        discussion: """
          Scores the rows it is given — the manifest's data, or with '--input' a CSV file \
          (or '-' for standard input) with the same columns — and writes the tallies of \
          everything the manifest's policies need. A partition of the rows needs the \
          manifest's 'id_column': bootstrap weights are keyed by each row's id, so that \
          they do not depend on the partition.
          """)

      @Argument(help: ArgumentHelp("The audit manifest.", valueName: "manifest.yaml"))
      var manifest: String

      @Option(
        name: .customLong("partition-id"),
        help: ArgumentHelp("The partition's id, unique among the partitions.", valueName: "id"))
      var partitionID: String

      @Option(
        help: ArgumentHelp(
          "The partition's rows: a CSV file, or '-' for standard input (default: the "
            + "manifest's data).", valueName: "file"))
      var input: String?

      @Option(
        help: ArgumentHelp(
          "Where to write the partial evidence (default: standard output).", valueName: "file"))
      var out: String = "-"

      @Option(help: ArgumentHelp("Override the manifest's seed.", valueName: "n"))
      var seed: UInt64?

      @OptionGroup var threading: ThreadOptions
      @OptionGroup var policies: PolicyOptions

      func validate() throws {
        if partitionID.isEmpty {
          throw ValidationError("'--partition-id' needs a non-empty id")
        }
      }

      func run() throws {
        var data = input
        var temporary: String?
        if input == "-" {
          // The reader maps files; standard input is copied to one first.
          let path =
            NSTemporaryDirectory()
            + "fairgate-partition-\(ProcessInfo.processInfo.processIdentifier).csv"
          FileManager.default.createFile(atPath: path, contents: nil)
          let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
          while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            try handle.write(contentsOf: chunk)
          }
          try handle.close()
          data = path
          temporary = path
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let partial = try AuditPipeline.partial(
          manifest: manifest, partitionID: partitionID, data: data,
          options: AuditOptions(
            asOf: CalendarDate(daysSinceEpoch: 0), seed: seed, threads: threading.threads,
            packDirectory: policies.directory))
        try partial.write(to: out)
      }
    }

    /// `fairgate evidence merge`.
    struct Merge: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial evidence of partitions into the evidence of all their rows.",
        discussion: """
          Associative and commutative: merged files merge again, in any order, to the same \
          bytes. Refuses partials of another tool version, manifest, model or policies, a \
          partition id given twice, and with '--expected' a missing or unexpected partition.
          """)

      @Argument(help: ArgumentHelp("The partial evidence files.", valueName: "partial.json"))
      var partials: [String]

      @Option(help: ArgumentHelp("Where to write the merged evidence.", valueName: "file"))
      var out: String

      @Option(
        help: ArgumentHelp(
          "A file listing the id of every expected partition, one per line.", valueName: "file"))
      var expected: String?

      func validate() throws {
        if partials.isEmpty { throw ValidationError("give at least one partial evidence file") }
      }

      func run() throws {
        let expectedIDs = try expected.map { path in
          guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PartialEvidenceError(file: path, message: "cannot be read as UTF-8 text")
          }
          return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let read = try partials.map { ($0, try PartialEvidence.read(contentsOf: $0)) }
        let merged = try PartialEvidence.merge(
          read.map { (path: $0.0, evidence: $0.1) }, expected: expectedIDs)
        try merged.write(to: out)
      }
    }

    /// `fairgate evidence inputs`.
    struct Inputs: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "inputs",
        abstract: "List the files partial evidence reads besides the rows.",
        discussion: """
          Prints the absolute paths of the manifest, its model file, a background file and \
          every policy file (shipped packs included), one per line: what a launcher ships \
          to the machines that compute partial evidence, keeping their places relative to \
          each other.
          """)

      @Argument(help: ArgumentHelp("The audit manifest.", valueName: "manifest.yaml"))
      var manifest: String

      @OptionGroup var policies: PolicyOptions

      func run() throws {
        let files = try AuditPipeline.inputFiles(
          manifest: manifest,
          options: AuditOptions(
            asOf: CalendarDate(daysSinceEpoch: 0), threads: 1, packDirectory: policies.directory))
        let output = StandardOutput()
        for file in files { output.write(file + "\n") }
        output.flush()
      }
    }
  }
}
