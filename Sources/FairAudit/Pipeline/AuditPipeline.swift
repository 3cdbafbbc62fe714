import FairAttribution
public import FairMetrics
import FairModels
public import FairPolicy
import FairTabular
import Foundation
import Synchronization
import _FairSupport

/// How an audit runs: the date waivers are judged against, the thread count, the gate and
/// where the shipped policy packs are.
public struct AuditOptions: Sendable {
  /// The day the audit is taken to run on: waivers apply through their `expires` day.
  public var asOf: CalendarDate
  /// A seed that overrides the manifest's.
  public var seed: UInt64?
  /// Worker threads; results do not depend on it.
  public var threads: Int
  /// The severity at which a failing finding fails the gate.
  public var failOn: GateThreshold
  /// The folder of the shipped policy packs, where pack names are looked up.
  public var packDirectory: String
  /// Called as each stage starts and ends, for progress displays.
  public var progress: (@Sendable (AuditProgress) -> Void)?

  /// Creates options.
  public init(
    asOf: CalendarDate, seed: UInt64? = nil, threads: Int, failOn: GateThreshold = .error,
    packDirectory: String, progress: (@Sendable (AuditProgress) -> Void)? = nil
  ) {
    self.asOf = asOf
    self.seed = seed
    self.threads = threads
    self.failOn = failOn
    self.packDirectory = packDirectory
    self.progress = progress
  }
}

/// One step of an audit, for progress displays: a stage starting or finishing, or a long
/// task within a stage (scoring, attributions, a bootstrap pass) advancing.
public struct AuditProgress: Sendable, Hashable {
  /// The stage.
  public var stage: String
  /// Whether it has finished (otherwise it is starting, or its task is advancing).
  public var isFinished: Bool
  /// The task within the stage, when the event is about one.
  public var task: Task?

  /// How far a task within a stage has got.
  public struct Task: Sendable, Hashable {
    /// What is being done (`"attributions"`).
    public var name: String
    /// What is counted (`"rows"`).
    public var unit: String
    /// The units done so far.
    public var completed: Int
    /// The units in all.
    public var total: Int
    /// Whether the task has finished.
    public var isFinished: Bool
  }

  /// Creates an event.
  public init(stage: String, isFinished: Bool, task: Task? = nil) {
    self.stage = stage
    self.isFinished = isFinished
    self.task = task
  }
}

/// The outcome of an audit: the findings with their verdicts, the gate, the evidence behind
/// them and the provenance.
public struct AuditResult: Sendable {
  /// The manifest.
  public let manifest: AuditManifest
  /// The policies applied, resolved.
  public let policies: [Policy]
  /// The findings, and the waivers that matched nothing or expired.
  public let evaluation: Evaluation
  /// The gate: passed or not at ``AuditOptions/failOn``.
  public let outcome: GateOutcome
  /// The evidence the rules were applied to.
  public let evidence: Evidence
  /// The evidence and what it was built from, when the audit read the data (not merged
  /// partial evidence).
  public let build: EvidenceBuild?
  /// What the data pass recorded for the reports: the model and the attribution that ran.
  public let run: PartialEvidence.RunRecord
  /// Hashes and versions of everything the audit read.
  public let provenance: Provenance
  /// The day the audit was taken to run on.
  public let asOf: CalendarDate
  /// The seed used.
  public let seed: UInt64
  /// The adverse-action reasons, when the audit has a model; their analysis has run when
  /// some rule read a reason metric (see ``ReasonEvidence/computed``).
  public var reasons: ReasonEvidence? = nil
}

/// Runs an audit: manifest → data and model → evidence → rules → findings.
///
/// ```swift
/// let result = try AuditPipeline.run(
///   manifest: "audit.yaml",
///   options: AuditOptions(asOf: today, threads: 4, packDirectory: "policies"))
/// print(result.outcome.passed)
/// ```
public enum AuditPipeline {
  /// The tool's version, recorded in provenance.
  public static let toolVersion = "0.3.0"

  /// Runs the audit that `path` describes.
  ///
  /// - Parameters:
  ///   - path: The audit manifest.
  ///   - options: The date, threads, gate and pack folder.
  /// - Returns: The findings, the gate, the evidence and the provenance.
  /// - Throws: A `DiagnosticError` naming the file and the place for every kind of bad
  ///   input: the manifest (``ManifestError``), a policy (`PolicyError`), the data or model,
  ///   or an input that changed while the audit ran (`DataError`).
  /// - Complexity: One read and scoring of the data, the attributions when a rule reads them,
  ///   and one bootstrap pass per kind of evidence.
  public static func run(manifest path: String, options: AuditOptions) throws -> AuditResult {
    let stages = Stages(options)
    let loaded = try read(manifest: path, options: options, stages: stages)
    let (manifest, policies) = (loaded.manifest, loaded.policies)
    let seed = options.seed ?? manifest.statistics.seed
    // The manifest and policies as parsed, the model and data before they are read, all
    // checked again at the end: the digests are those of the bytes the audit read.
    let inputs = try stages.stage("hashing the inputs") {
      try Provenance.inputs(
        manifest: manifest, policies: policies, policySHA256: loaded.policySHA256,
        data: manifest.data.path, packDirectory: options.packDirectory)
    }
    let build = try stages.stage("reading and scoring the data") {
      try EvidenceBuilder.build(
        evidenceRequest(manifest, seed: seed), seed: seed, threads: options.threads,
        progress: stages.work, checkData: { _ = try manifest.validate(against: $0) })
    }
    let reasons = try reasonEvidence(
      manifest, build: build, drawn: nil, seed: seed, threads: options.threads)
    let environment = EvidenceEnvironment(
      evidence: build.evidence, modelInputs: build.bound?.model.features.map(\.name) ?? [],
      featureGroups: manifest.featureGroupMembers, reasons: reasons)
    let evaluation = try evaluate(
      policies, in: environment, manifest: manifest, options: options, stages: stages)
    try stages.stage("checking that no input changed") { try inputs.checkUnchanged() }
    let provenance = Provenance(manifest: manifest, inputs: inputs, build: build, seed: seed)
    return AuditResult(
      manifest: manifest, policies: policies, evaluation: evaluation,
      outcome: evaluation.outcome(failOn: options.failOn), evidence: build.evidence,
      build: build, run: runRecord(build), provenance: provenance, asOf: options.asOf,
      seed: seed, reasons: reasons)
  }

  /// Reports the stages of an audit, and the tasks within them, to the options' progress.
  final class Stages: Sendable {
    /// The current stage, so that tasks (which the evidence starts on demand, inside the
    /// rules engine) are reported under it.
    private let current = Mutex("")
    private let progress: (@Sendable (AuditProgress) -> Void)?

    init(_ options: AuditOptions) { progress = options.progress }

    /// Where long tasks report, when someone is watching.
    var work: WorkProgress? {
      progress.map { report in
        WorkProgress { [self] event in
          report(
            AuditProgress(
              stage: self.current.withLock { $0 }, isFinished: false,
              task: AuditProgress.Task(
                name: event.task, unit: event.unit, completed: event.completed,
                total: event.total, isFinished: event.isFinished)))
        }
      }
    }

    func stage<Result>(_ name: String, _ body: () throws -> Result) rethrows -> Result {
      current.withLock { $0 = name }
      progress?(AuditProgress(stage: name, isFinished: false))
      defer { progress?(AuditProgress(stage: name, isFinished: true)) }
      return try body()
    }
  }

  /// The manifest and the policies it applies, as read.
  struct ReadInputs {
    var manifest: AuditManifest
    var policies: [Policy]
    /// The SHA-256 of the bytes each policy file was parsed from, by the path the policy
    /// loader read: provenance records the digests of what the rules came from.
    var policySHA256: [String: String]
  }

  /// Reads the manifest and its policies.
  static func read(
    manifest path: String, options: AuditOptions, stages: Stages, rowsGivenElsewhere: Bool = false
  ) throws -> ReadInputs {
    let manifest = try stages.stage("reading the manifest") {
      try AuditManifest.load(
        path: path, shippedPolicyIDs: shippedPackIDs(in: options.packDirectory),
        rowsGivenElsewhere: rowsGivenElsewhere)
    }
    // Provenance records the digests of the bytes the policies were parsed from.
    let digests = Mutex<[String: String]>([:])
    var loader = PolicyLoader(searchDirectories: [options.packDirectory], catalog: .standard)
    loader.bytesRead = { path, bytes in
      let sha256 = FileDigest.sha256(of: bytes)
      digests.withLock { $0[path] = sha256 }
    }
    let policies = try stages.stage("reading the policies") {
      try loader.load(
        files: manifest.policies.map { policyFile($0, packDirectory: options.packDirectory) })
    }
    return ReadInputs(
      manifest: manifest, policies: policies, policySHA256: digests.withLock { $0 })
  }

  /// Checks the policies against the evidence and applies them.
  static func evaluate(
    _ policies: [Policy], in environment: EvidenceEnvironment, manifest: AuditManifest,
    options: AuditOptions, stages: Stages
  ) throws -> Evaluation {
    let engine = RulesEngine(catalog: .standard)
    let policyProblems = engine.validate(policies, against: environment)
    if policyProblems.contains(where: { $0.severity == .error }) {
      throw PolicyError(diagnostics: policyProblems)
    }
    return stages.stage("measuring and applying the rules") {
      engine.evaluate(policies, in: environment, waivers: manifest.waivers, asOf: options.asOf)
    }
  }

  /// What the data pass of `build` records for the reports.
  static func runRecord(_ build: EvidenceBuild) -> PartialEvidence.RunRecord {
    PartialEvidence.RunRecord(
      modelSummary: build.bound?.model.summary,
      modelInputs: build.bound?.model.features.map(\.name) ?? [],
      attribution: build.attributionRun.description.map {
        PartialEvidence.AttributionRecord(
          method: $0.method.rawValue, reason: $0.reason, backgroundRows: $0.backgroundRows)
      })
  }

  /// The ids of the packs in `directory`: the names of its `.yaml` files.
  public static func shippedPackIDs(in directory: String) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// The file of a policy reference: a shipped pack by id, or a path as resolved.
  static func policyFile(_ reference: PolicyReference, packDirectory: String) -> String {
    switch reference.target {
    case .pack(let id): (packDirectory as NSString).appendingPathComponent(id + ".yaml")
    case .file(let path): path
    }
  }

  /// The audit's adverse-action reasons of `build`'s rows, when a model scored them: the
  /// reason table read and checked against the model now (its errors stop the audit), the
  /// analysis deferred to the first reason metric.
  ///
  /// - Parameter drawn: The backgrounds drawn beforehand from all rows, if they were.
  static func reasonEvidence(
    _ manifest: AuditManifest, build: EvidenceBuild, drawn: [KeyedSample]?, seed: UInt64,
    threads: Int
  ) throws -> ReasonEvidence? {
    guard let bound = build.bound else { return nil }
    var request = try reasonRequest(manifest, model: bound.model, seed: seed, threads: threads)
    request.margins = build.margins
    let data = build.evidence.data
    return ReasonEvidence(
      source: .rows(
        bound, ids: data?.rows.rowIDs, memberships: data?.memberships ?? [], drawn: drawn),
      request: request, settings: manifest.reasons, ageColumn: reasonAgeColumn(manifest),
      layouts: build.evidence.layouts)
  }

  /// The audit's adverse-action reasons from merged tallies, computed with `model`.
  static func reasonEvidence(
    _ manifest: AuditManifest, tallies: ReasonTallies, layouts: [SliceLayout],
    model: any ScoringModel, seed: UInt64, threads: Int
  ) throws -> ReasonEvidence {
    ReasonEvidence(
      source: .tallies(tallies, model: model),
      request: try reasonRequest(manifest, model: model, seed: seed, threads: threads),
      settings: manifest.reasons, ageColumn: reasonAgeColumn(manifest), layouts: layouts)
  }

  /// The reason derivation request of a manifest, its reason table read for `model`.
  private static func reasonRequest(
    _ manifest: AuditManifest, model: any ScoringModel, seed: UInt64, threads: Int
  ) throws -> ReasonRequest {
    let table =
      try manifest.reasons.table.map {
        try ReasonTableReader(featureNames: model.features.map(\.name)).read(contentsOf: $0)
      } ?? .identity
    return ReasonEvidence.request(
      rule: manifest.decision?.rule ?? DecisionRule(), table: table, settings: manifest.reasons,
      output: manifest.attributions.output, seed: seed, threads: threads)
  }

  /// The column of applicants' ages: the declared one, or a protected column named `age`.
  static func reasonAgeColumn(_ manifest: AuditManifest) -> String? {
    manifest.reasons.ageColumn
      ?? manifest.attributes.flatMap(\.columns).first { $0.lowercased() == "age" }
  }

  /// The evidence request a manifest describes.
  static func evidenceRequest(_ manifest: AuditManifest, seed: UInt64) -> EvidenceRequest {
    let outputs: EvidenceRequest.Outputs
    switch manifest.predictions {
    case .model(let model):
      outputs = .model(model.source, rule: manifest.decision?.rule ?? DecisionRule())
    case .scores(let scores):
      outputs = .columns(
        score: scores.scoreColumn, rule: manifest.decision?.rule, decision: scores.decisionColumn,
        favourableDecision: scores.favourableDecision)
    }
    let data = manifest.data
    return EvidenceRequest(
      data: data.path, csv: data.csvOptions, outputs: outputs, idColumn: data.idColumn,
      label: data.label, favourableLabel: data.favourableLabel,
      attribution: manifest.model == nil
        ? nil
        : EvidenceRequest.AttributionSettings(
          method: manifest.attributions.method, output: manifest.attributions.output,
          background: manifest.attributions.background, samples: manifest.attributions.samples,
          featureGroups: manifest.featureGroups.map {
            EvidenceRequest.FeatureGroupSpecification(name: $0.name, members: $0.members)
          }),
      loss: manifest.loss?.declaration,
      configuration: Evidence.Configuration(
        attributes: manifest.attributes, groupings: manifest.groupings,
        minimumSliceShare: manifest.minimumSliceShare,
        confidenceLevel: manifest.statistics.confidence,
        bootstrapReplicates: manifest.statistics.bootstrapReplicates,
        seed: seed, test: manifest.statistics.test,
        proxyThreshold: manifest.proxies.threshold, declaredProxies: manifest.proxies.declared))
  }
}
