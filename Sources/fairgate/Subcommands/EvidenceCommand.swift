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
        rows were split. What an audit fixes from all rows (a background sampled from the \
        data, the values counterfactual flips of numeric attributes try) is taken in a first \
        pass: 'fairgate evidence sample' on each partition, merged with 'fairgate evidence \
        merge', then given to every partial with '--sample' ('fairgate evidence passes' says \
        which passes an audit needs).
        """,
      subcommands: [Passes.self, Sample.self, Partial.self, Merge.self, Inputs.self])

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
          they do not depend on the partition. When the audit fixes values from all rows \
          ('fairgate evidence passes' prints 'sample'), give every partition the evidence \
          sample drawn from all rows with '--sample'.
          """)

      @OptionGroup var partition: PartitionOptions

      @Option(
        help: ArgumentHelp(
          "The evidence sample drawn from all rows ('fairgate evidence sample', merged), "
            + "when the audit needs one.", valueName: "file"))
      var sample: String?

      func run() throws {
        try partition.withRows { data, options in
          try AuditPipeline.partial(
            manifest: partition.manifest, partitionID: partition.partitionID, data: data,
            sample: sample, options: options
          ).write(to: partition.out)
        }
      }
    }

    /// `fairgate evidence sample`.
    struct Sample: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw one partition's part of what an audit fixes from all rows.",
        discussion: """
          The first pass of an audit run in pieces that takes values from all its rows: \
          draws the background its attributions sample from the data by row id (the rows \
          whose hash of seed and id is smallest), and counts the values of the numeric \
          attributes its counterfactual flips change, so that 'fairgate evidence merge' of \
          every partition's draw is what one pass over all rows takes \
          (fairgate.evidence-sample/1). Give the merged sample to 'fairgate evidence partial \
          --sample'. Reads the rows without scoring them.
          """)

      @OptionGroup var partition: PartitionOptions

      func run() throws {
        try partition.withRows { data, options in
          try AuditPipeline.sample(
            manifest: partition.manifest, partitionID: partition.partitionID, data: data,
            options: options
          ).write(to: partition.out)
        }
      }
    }

    /// `fairgate evidence passes`.
    struct Passes: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "passes",
        abstract: "List the passes over the rows an audit run in pieces makes.",
        discussion: """
          Prints 'sample' (when the audit fixes values from all rows: a background sampled \
          from the data, or the values counterfactual flips of a numeric attribute try) and \
          'partial', one per line, in order: the commands a launcher runs on every \
          partition, merging the results of each pass before the next.
          """)

      @Argument(help: ArgumentHelp("The audit manifest.", valueName: "manifest.yaml"))
      var manifest: String

      @OptionGroup var policies: PolicyOptions

      func run() throws {
        let sampled = try AuditPipeline.needsEvidenceSample(
          manifest: manifest,
          options: AuditOptions(
            asOf: CalendarDate(daysSinceEpoch: 0), threads: 1, packDirectory: policies.directory))
        let output = StandardOutput()
        output.write((sampled ? "sample\n" : "") + "partial\n")
        output.flush()
      }
    }

    /// `fairgate evidence merge`.
    struct Merge: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge partial evidence of partitions into the evidence of all their rows.",
        discussion: """
          Associative and commutative: merged files merge again, in any order, to the same \
          bytes. Refuses partials of another tool version, manifest, model, policies or \
          evidence sample, a partition id given twice, and with '--expected' a missing or \
          unexpected partition. Merges evidence samples ('fairgate evidence sample') the \
          same way, when the files given are samples.
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
        if EvidenceSample.isSample(atPath: partials[0]) {
          let read = try partials.map { ($0, try EvidenceSample.read(contentsOf: $0)) }
          let merged = try EvidenceSample.merge(
            read.map { (path: $0.0, sample: $0.1) }, expected: expectedIDs)
          try merged.write(to: out)
          return
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
          Prints the absolute paths of the manifest, its model file, a background file, a \
          reason-code table and every policy file (shipped packs included) with every file \
          a policy extends, one per line, symbolic links unresolved: what a launcher ships \
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

/// What `fairgate evidence partial` and `sample` are given: the manifest, the partition and
/// its rows, where to write, the seed, threads and packs.
struct PartitionOptions: ParsableArguments {
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
    help: ArgumentHelp("Where to write the result (default: standard output).", valueName: "file"))
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

  /// Runs `body` with the path of the partition's rows — `input` itself, `nil` for the
  /// manifest's data, or for `-` a temporary copy of standard input (the reader maps files),
  /// removed after — and the audit options.
  func withRows(_ body: (String?, AuditOptions) throws -> Void) throws {
    let options = AuditOptions(
      asOf: CalendarDate(daysSinceEpoch: 0), seed: seed, threads: threading.threads,
      packDirectory: policies.directory)
    guard input == "-" else { return try body(input, options) }
    let path =
      NSTemporaryDirectory()
      + "fairgate-partition-\(ProcessInfo.processInfo.processIdentifier).csv"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
      try handle.write(contentsOf: chunk)
    }
    try handle.close()
    try body(path, options)
  }
}
