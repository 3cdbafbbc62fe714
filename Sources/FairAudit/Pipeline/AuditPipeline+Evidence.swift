import FairAttribution
import FairMetrics
import FairModels
import FairPolicy
import FairTabular
import Foundation
import _FairSupport

extension AuditPipeline {
  /// Why adverse-action reasons are not in partial evidence.
  static let reasonsNotMerged =
    "adverse-action reasons: the reason analysis reads the model and every adverse row, and "
    + "partial evidence does not carry it; run 'fairgate audit' on the data for reason-code rules"

  /// Computes the partial evidence of one partition of the rows: the tallies of everything
  /// the manifest's policies need, with no figure computed from them.
  ///
  /// - Parameters:
  ///   - path: The audit manifest.
  ///   - partitionID: The partition's id, unique among the partitions of the data.
  ///   - data: A data file holding the partition's rows, with the columns of the manifest's
  ///     data; `nil` for the manifest's own data file (the whole data as one partition).
  ///   - options: The threads, seed and pack folder (the date and gate are not used).
  /// - Returns: The partial evidence.
  /// - Throws: A `DiagnosticError` naming the file and the place: the manifest (also when a
  ///   partition of the rows is given but the manifest declares no row-id column), a policy,
  ///   the data or the model.
  public static func partial(
    manifest path: String, partitionID: String, data: String? = nil, options: AuditOptions
  ) throws -> PartialEvidence {
    let stages = Stages(options)
    let (manifest, policies) = try read(
      manifest: path, options: options, stages: stages, rowsGivenElsewhere: data != nil)
    let seed = options.seed ?? manifest.statistics.seed
    var request = evidenceRequest(manifest, seed: seed)
    if let data {
      // Without identifiers, every partition would number its rows 0, 1, … and draw the same
      // bootstrap weights for different rows.
      guard manifest.data.idColumn != nil else {
        throw ManifestError(diagnostics: [
          Diagnostic(
            file: manifest.file, place: "'data'",
            message: "a partition of the rows needs a row-id column: set 'id_column' to a "
              + "column whose values name each row in every partition")
        ])
      }
      request.data = data
    }
    let build = try stages.stage("reading and scoring the data") {
      try EvidenceBuilder.build(
        request, seed: seed, threads: options.threads, progress: stages.work,
        checkData: { _ = try manifest.validate(against: $0) })
    }
    var kinds: Evidence.TallyKinds = [.outcomes]
    var needsReasons = false
    for rule in policies.flatMap(\.rules) where rule.isEnabled {
      let needs = EvidenceEnvironment.tallyKinds(for: rule)
      kinds.formUnion(needs.kinds)
      needsReasons = needsReasons || needs.reasons
    }
    var tallies = try stages.stage("tallying the evidence") {
      try build.evidence.computeTallies(kinds)
    }
    if needsReasons && build.bound != nil { tallies.note(reasonsNotMerged) }
    let inputs = try stages.stage("hashing the inputs") {
      try Provenance.inputs(manifest: manifest, policies: policies)
    }
    return PartialEvidence(
      format: PartialEvidence.formatName, tool: "fairgate \(toolVersion)",
      partitions: [
        PartialEvidence.Partition(
          id: partitionID, rows: build.dataset.rowCount,
          dataSHA256: try FileDigest(contentsOf: request.data).sha256)
      ],
      inputs: inputs.partial, run: runRecord(build), evidence: tallies)
  }

  /// Runs the audit that `path` describes on merged partial evidence, with no pass over the
  /// data: the same rules engine and figures as ``run(manifest:options:)``, computed from
  /// the evidence's tallies.
  ///
  /// - Parameters:
  ///   - path: The audit manifest: the policies, waivers and report fields come from it.
  ///   - evidencePath: The merged partial evidence (`fairgate evidence merge`).
  ///   - options: The date, threads, gate and pack folder.
  /// - Throws: ``PartialEvidenceError`` when the evidence cannot be read or was computed
  ///   with another manifest, model or policies; the manifest's and policies' errors.
  public static func run(
    manifest path: String, evidence evidencePath: String, options: AuditOptions
  )
    throws -> AuditResult
  {
    let stages = Stages(options)
    // No rows are read: the data file need not be on this machine.
    let (manifest, policies) = try read(
      manifest: path, options: options, stages: stages, rowsGivenElsewhere: true)
    let partial = try stages.stage("reading the evidence") {
      try PartialEvidence.read(contentsOf: evidencePath)
    }
    let hashed = try Provenance.inputs(manifest: manifest, policies: policies)
    let inputs = hashed.partial
    func differs(_ what: String, _ place: String) -> PartialEvidenceError {
      PartialEvidenceError(
        file: evidencePath, place: place,
        message: "was computed with another \(what) than '\(path)' names now")
    }
    if inputs.manifestSHA256 != partial.inputs.manifestSHA256 {
      throw differs("manifest", "'inputs.manifestSHA256'")
    }
    if inputs.modelSHA256 != partial.inputs.modelSHA256 {
      throw differs("model", "'inputs.modelSHA256'")
    }
    if inputs.policies != partial.inputs.policies {
      throw differs("set of policies", "'inputs.policies'")
    }
    let seed = options.seed ?? manifest.statistics.seed
    if partial.evidence.configuration.seed != seed {
      throw PartialEvidenceError(
        file: evidencePath, place: "'evidence.configuration.seed'",
        message: "is \(partial.evidence.configuration.seed), but this audit's seed is \(seed)")
    }
    let evidence = Evidence(tallies: partial.evidence, threads: options.threads)
    let environment = EvidenceEnvironment(
      evidence: evidence, modelInputs: partial.run.modelInputs,
      featureGroups: manifest.featureGroupMembers,
      reasonsUnavailable: partial.run.modelSummary == nil ? nil : reasonsNotMerged)
    let evaluation = try evaluate(
      policies, in: environment, manifest: manifest, options: options, stages: stages)
    let provenance = Provenance(manifest: manifest, inputs: hashed, evidence: partial, seed: seed)
    return AuditResult(
      manifest: manifest, policies: policies, evaluation: evaluation,
      outcome: evaluation.outcome(failOn: options.failOn), evidence: evidence, build: nil,
      run: partial.run, provenance: provenance, asOf: options.asOf, seed: seed, reasons: nil)
  }
}

extension AuditPipeline {
  /// The files a partition's evidence reads besides its rows: the manifest, the model file,
  /// a background file, a reason table and every policy file (shipped packs included), as
  /// absolute paths.
  ///
  /// A launcher ships these to the machines that compute partial evidence, keeping their
  /// places relative to each other so that the manifest's relative paths still resolve.
  ///
  /// - Throws: The manifest's and the policies' errors.
  public static func inputFiles(manifest path: String, options: AuditOptions) throws -> [String] {
    let (manifest, policies) = try read(
      manifest: path, options: options, stages: Stages(options), rowsGivenElsewhere: true)
    var files = [manifest.file]
    if case .file(let model, link: _) = manifest.model?.source { files.append(model) }
    if case .file(let background, rows: _) = manifest.attributions.background {
      files.append(background)
    }
    if let table = manifest.reasons.table { files.append(table) }
    files += policies.map(\.file)
    let current = FileManager.default.currentDirectoryPath
    var seen = Set<String>()
    return files.map { file in
      let absolute = file.hasPrefix("/") ? file : (current as NSString).appendingPathComponent(file)
      return (absolute as NSString).standardizingPath
    }.filter { seen.insert($0).inserted }
  }
}
