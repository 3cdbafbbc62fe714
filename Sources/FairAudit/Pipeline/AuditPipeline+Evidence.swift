import FairAttribution
import FairMetrics
import FairModels
import FairPolicy
import FairTabular
import Foundation
import _FairSupport

extension AuditPipeline {
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
  ///   the data or the model, or an input that changed while it was read.
  public static func partial(
    manifest path: String, partitionID: String, data: String? = nil, options: AuditOptions
  ) throws -> PartialEvidence {
    try partial(
      manifest: path, partitionID: partitionID, data: data, sample: nil, options: options)
  }

  /// Computes the partial evidence of one partition of the rows as
  /// ``partial(manifest:partitionID:data:options:)`` does, with what was drawn from all the
  /// rows beforehand (`fairgate evidence sample`, merged): the background the attributions
  /// use, the values counterfactual flips try and the backgrounds of the adverse-action
  /// reasons, so that those tallies of every partition merge.
  ///
  /// - Parameter samplePath: The merged evidence sample, or `nil`.
  /// - Throws: As ``partial(manifest:partitionID:data:options:)``; ``PartialEvidenceError``
  ///   when the sample cannot be read or was drawn for another manifest, model, policies,
  ///   seed or background size.
  public static func partial(
    manifest path: String, partitionID: String, data: String?, sample samplePath: String?,
    options: AuditOptions
  ) throws -> PartialEvidence {
    let stages = Stages(options)
    let partition = try partitionRequest(
      manifest: path, data: data, options: options, stages: stages)
    let (manifest, needs, seed) = (partition.read.manifest, partition.needs, partition.seed)
    var hashed = try partition.hashedInputs(
      data: partition.request.data, options: options, stages: stages)
    var inputs = hashed.partial
    var request = partition.request
    var sampleColumns: [String]?
    var reasonBackgrounds: [KeyedSample]?
    if let samplePath {
      // Hashed before it is read, and checked again with the other inputs at the end.
      let sampleSHA256 = try FileDigest(contentsOf: samplePath).sha256
      hashed.hashed.append((samplePath, sampleSHA256))
      let sample = try EvidenceSample.read(contentsOf: samplePath)
      try check(
        sample, at: samplePath, inputs: inputs, request: request, reasons: manifest.reasons,
        seed: seed)
      request.drawnBackground = sample.sample
      request.allValues = sample.values.isEmpty ? nil : sample.values
      sampleColumns = sample.features
      reasonBackgrounds = sample.reasons
      inputs.sampleSHA256 = sampleSHA256
    }
    let build = try stages.stage("reading and scoring the data") {
      try EvidenceBuilder.build(
        request, seed: seed, threads: options.threads, progress: stages.work,
        checkData: { _ = try manifest.validate(against: $0) },
        checkModel: { model in
          // Before the rows are scored: a sample of other columns would waste the pass.
          let names = model.features.map(\.name)
          if let sampleColumns, let samplePath, names != sampleColumns {
            throw PartialEvidenceError(
              file: samplePath, place: "'features'",
              message: "are not the model's inputs (\(names.joined(separator: ", ")))")
          }
        })
    }
    var tallies = try stages.stage("tallying the evidence") {
      try build.evidence.computeTallies(needs.kinds)
    }
    if needs.reasons,
      let reasons = try reasonEvidence(
        manifest, build: build, drawn: reasonBackgrounds, seed: seed, threads: options.threads)
    {
      do {
        tallies.reasons = try stages.stage("deriving the adverse-action reasons") {
          try reasons.tallies()
        }
      } catch {
        // As in an audit of the data, a reason analysis that fails leaves its rules without
        // data, with why; the partition's tallies still merge with the others'.
        tallies.note("adverse-action reasons: \(error)")
        tallies.reasons = .underived(
          groupings: build.evidence.layouts.map { !$0.isWeighted },
          featureCount: build.bound?.model.features.count ?? 0,
          hasAges: reasonAgeColumn(manifest) != nil)
      }
    }
    try stages.stage("checking that no input changed") { try hashed.checkUnchanged() }
    return PartialEvidence(
      format: PartialEvidence.formatName, tool: "fairgate \(toolVersion)",
      partitions: [
        PartialEvidence.Partition(
          id: partitionID, rows: build.dataset.rowCount,
          dataSHA256: hashed.data?.sha256 ?? "")
      ],
      inputs: inputs, run: runRecord(build), evidence: tallies)
  }

  /// Draws one partition's part of what the audit fixes from all its rows: the background
  /// its attributions sample from the data, and the values its counterfactual flips of
  /// numeric attributes try.
  ///
  /// This is the first of two passes of an audit run in pieces that needs either
  /// (``needsEvidenceSample(manifest:options:)``). Reads and binds the rows without scoring
  /// them.
  ///
  /// - Parameters: As ``partial(manifest:partitionID:data:options:)``.
  /// - Returns: The draw, which `fairgate evidence merge` merges with the other partitions'.
  /// - Throws: As ``partial(manifest:partitionID:data:options:)``; a `ManifestError` at
  ///   `'policies'` when the audit needs neither.
  public static func sample(
    manifest path: String, partitionID: String, data: String? = nil, options: AuditOptions
  ) throws -> EvidenceSample {
    let stages = Stages(options)
    let partition = try partitionRequest(
      manifest: path, data: data, options: options, stages: stages)
    let (manifest, needs, request, seed) = (
      partition.read.manifest, partition.needs, partition.request, partition.seed
    )
    let hashed = try partition.hashedInputs(data: nil, options: options, stages: stages)
    let sampled = try needs.sampled(request, reasons: manifest.reasons)
    guard sampled.any else {
      throw ManifestError(diagnostics: [
        Diagnostic(
          file: manifest.file, place: "'policies'",
          message: "this audit takes nothing from all the rows beforehand (no background "
            + "sampled from the data, no flips of numeric attributes, no adverse-action "
            + "reasons against all applicants); run 'fairgate evidence partial' alone")
      ])
    }
    let drawn = try stages.stage("drawing the sample") {
      try EvidenceBuilder.drawSample(
        request, background: sampled.background, flips: sampled.flips,
        reasons: sampled.reasons, seed: seed, threads: options.threads,
        checkData: { _ = try manifest.validate(against: $0) })
    }
    try stages.stage("checking that no input changed") { try hashed.checkUnchanged() }
    return EvidenceSample(
      format: EvidenceSample.formatName, tool: "fairgate \(toolVersion)",
      partitions: [partitionID], inputs: hashed.partial, seed: seed, features: drawn.features,
      sample: drawn.background, values: drawn.values, reasons: drawn.reasons)
  }

  /// Whether an audit of `path` run in pieces draws an evidence sample first: its policies
  /// need attributions or loss-gap decompositions against a background sampled from the
  /// data, counterfactual flips of a numeric attribute, or adverse-action reasons against
  /// all applicants.
  ///
  /// - Throws: The manifest's and the policies' errors.
  public static func needsEvidenceSample(manifest path: String, options: AuditOptions)
    throws -> Bool
  {
    let partition = try partitionRequest(
      manifest: path, data: nil, options: options, stages: Stages(options),
      rowsGivenElsewhere: true)
    return try partition.needs.sampled(
      partition.request, reasons: partition.read.manifest.reasons
    ).any
  }

  /// What partial evidence tallies for a set of policies.
  struct TallyNeeds {
    var kinds: Evidence.TallyKinds
    var reasons: Bool

    /// What tallies take from all rows beforehand.
    struct Sampled {
      /// A background sampled from the data, for attributions or loss-gap decompositions.
      var background = false
      /// The values of numeric attributes that counterfactual flips try.
      var flips = false
      /// The adverse-action reasons' background size and stability replicates.
      var reasons: (size: Int, replicates: Int)?

      /// Whether anything is.
      var any: Bool { background || flips || reasons != nil }
    }

    /// What these tallies take from all of `request`'s rows beforehand: a background
    /// sampled from the data (for loss-gap decompositions, and for attributions whose
    /// method uses a background, `auto` resolved against the model file as the attribution
    /// will resolve it), the values of numeric attributes that counterfactual flips try, and
    /// the backgrounds of adverse-action reasons against all applicants (`reasons`' reference
    /// population `all`; the near-cutoff population depends on every row's score, so a run in
    /// pieces does not carry its reasons).
    ///
    /// - Throws: `ModelError` when the model file is needed and cannot be loaded.
    func sampled(_ request: EvidenceRequest, reasons settings: ReasonSettings) throws -> Sampled {
      guard case .model(let source, _) = request.outputs else { return Sampled() }
      let needsModel =
        kinds.contains(.flips)
        || (kinds.contains(.attributions) && request.attribution?.method == .auto)
      // A model run as a command is known only once it has scored rows: `nil`.
      let model = needsModel ? try source.loadFile() : nil
      var sampled = Sampled()
      if let settings = request.attribution, settings.background.isSampled {
        if kinds.contains(.lossGaps) && request.loss?.loss != nil {
          sampled.background = true
        } else if kinds.contains(.attributions) {
          if settings.method != .auto {
            sampled.background = settings.method.needsBackground
          } else if let model {
            switch ExactMethod.choose(for: model, hasBackground: true, output: settings.output) {
            case .method(let exact): sampled.background = AttributionMethod(exact).needsBackground
            case .unavailable: sampled.background = true
            }
          } else {
            sampled.background = true
          }
        }
      }
      if kinds.contains(.flips) {
        sampled.flips =
          model.map {
            !EvidenceBuilder.flippedNumericInputs(request.configuration, model: $0).isEmpty
          } ?? true
      }
      if self.reasons, settings.reference == .all {
        sampled.reasons = (settings.backgroundRows, settings.replicatesRun)
      }
      return sampled
    }
  }

  /// Reads the manifest and its policies, and makes the evidence request of one partition
  /// of the rows (`data`, or the manifest's data when `nil`).
  private static func partitionRequest(
    manifest path: String, data: String?, options: AuditOptions, stages: Stages,
    rowsGivenElsewhere: Bool? = nil
  ) throws -> PartitionRequest {
    let loaded = try read(
      manifest: path, options: options, stages: stages,
      rowsGivenElsewhere: rowsGivenElsewhere ?? (data != nil))
    let (manifest, policies) = (loaded.manifest, loaded.policies)
    let seed = options.seed ?? manifest.statistics.seed
    var request = evidenceRequest(manifest, seed: seed)
    if let data {
      // Without identifiers, every partition would number its rows 0, 1, … and draw the same
      // bootstrap weights (and background priorities) for different rows.
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
    var needs = TallyNeeds(kinds: [.outcomes], reasons: false)
    for rule in policies.flatMap(\.rules) where rule.isEnabled {
      let ruleNeeds = EvidenceEnvironment.tallyKinds(for: rule)
      needs.kinds.formUnion(ruleNeeds.kinds)
      needs.reasons = needs.reasons || ruleNeeds.reasons
    }
    return PartitionRequest(read: loaded, needs: needs, request: request, seed: seed)
  }

  /// What ``partitionRequest(manifest:data:options:stages:rowsGivenElsewhere:)`` makes.
  private struct PartitionRequest {
    var read: ReadInputs
    var needs: TallyNeeds
    var request: EvidenceRequest
    var seed: UInt64

    /// The partition's inputs (with `data` when given), hashed before anything reads the
    /// model or the rows, to be checked again at the end (``Provenance/Inputs/checkUnchanged()``).
    func hashedInputs(data: String?, options: AuditOptions, stages: Stages) throws
      -> Provenance.Inputs
    {
      try stages.stage("hashing the inputs") {
        try Provenance.inputs(
          manifest: read.manifest, policies: read.policies, policySHA256: read.policySHA256,
          data: data, packDirectory: options.packDirectory)
      }
    }
  }

  /// Refuses an evidence sample drawn for other inputs, seed or size than this partition's.
  private static func check(
    _ sample: EvidenceSample, at path: String, inputs: PartialEvidence.Inputs,
    request: EvidenceRequest, reasons: ReasonSettings, seed: UInt64
  ) throws {
    func differs(_ place: String, _ message: String) -> PartialEvidenceError {
      PartialEvidenceError(file: path, place: place, message: message)
    }
    if sample.tool != "fairgate \(toolVersion)" {
      throw differs("'tool'", "is '\(sample.tool)'; this is fairgate \(toolVersion)")
    }
    var expected = inputs
    expected.sampleSHA256 = nil
    if sample.inputs != expected {
      throw differs(
        "'inputs'",
        "was drawn for another manifest, model, policies, reason-code table or attribution "
          + "background than this partition's")
    }
    if sample.seed != seed {
      throw differs("'seed'", "is \(sample.seed), but this audit's seed is \(seed)")
    }
    if let drawn = sample.reasons {
      let replicates = reasons.replicatesRun
      guard drawn.count == replicates + 1, drawn[0].size == reasons.backgroundRows else {
        throw differs(
          "'reasons'",
          "holds \(drawn.count) backgrounds of \(drawn.first?.size ?? 0) rows, but this audit's "
            + "reasons use \(replicates + 1) of \(reasons.backgroundRows)")
      }
    }
    if let drawn = sample.sample {
      guard case .sample(let size) = request.attribution?.background else {
        throw differs("'sample'", "holds a background, but this audit's is not sampled")
      }
      if drawn.size != size {
        throw differs(
          "'sample.size'", "is \(drawn.size), but this audit samples \(size) background rows")
      }
    }
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
  ///   with another manifest, model, policies or supporting files; the manifest's and
  ///   policies' errors; a `DataError` naming an input that changed while it was read.
  public static func run(
    manifest path: String, evidence evidencePath: String, options: AuditOptions
  )
    throws -> AuditResult
  {
    let stages = Stages(options)
    // No rows are read: the data file need not be on this machine.
    let loaded = try read(
      manifest: path, options: options, stages: stages, rowsGivenElsewhere: true)
    let (manifest, policies) = (loaded.manifest, loaded.policies)
    let partial = try stages.stage("reading the evidence") {
      try PartialEvidence.read(contentsOf: evidencePath)
    }
    let hashed = try Provenance.inputs(
      manifest: manifest, policies: policies, policySHA256: loaded.policySHA256,
      packDirectory: options.packDirectory)
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
    if inputs.supportingFiles != partial.inputs.supportingFiles {
      throw differs("reason-code table or attribution background", "'inputs.supportingFiles'")
    }
    let seed = options.seed ?? manifest.statistics.seed
    if partial.evidence.configuration.seed != seed {
      throw PartialEvidenceError(
        file: evidencePath, place: "'evidence.configuration.seed'",
        message: "is \(partial.evidence.configuration.seed), but this audit's seed is \(seed)")
    }
    let evidence = Evidence(tallies: partial.evidence, threads: options.threads)
    let (reasons, reasonsUnavailable) = try mergedReasons(
      manifest, partial: partial, seed: seed, threads: options.threads)
    let environment = EvidenceEnvironment(
      evidence: evidence, modelInputs: partial.run.modelInputs,
      featureGroups: manifest.featureGroupMembers, reasons: reasons,
      reasonsUnavailable: reasonsUnavailable)
    let evaluation = try evaluate(
      policies, in: environment, manifest: manifest, options: options, stages: stages)
    try stages.stage("checking that no input changed") { try hashed.checkUnchanged() }
    let provenance = Provenance(manifest: manifest, inputs: hashed, evidence: partial, seed: seed)
    return AuditResult(
      manifest: manifest, policies: policies, evaluation: evaluation,
      outcome: evaluation.outcome(failOn: options.failOn), evidence: evidence, build: nil,
      run: partial.run, provenance: provenance, asOf: options.asOf, seed: seed, reasons: reasons)
  }

  /// The adverse-action reasons of merged evidence, computed with the manifest's model file,
  /// or why there are none although the audit has a model.
  private static func mergedReasons(
    _ manifest: AuditManifest, partial: PartialEvidence, seed: UInt64, threads: Int
  ) throws -> (ReasonEvidence?, String?) {
    guard partial.run.modelSummary != nil else { return (nil, nil) }
    let tallies = partial.evidence
    guard let reasons = tallies.reasons else {
      return (nil, "adverse-action reasons were not tallied in this evidence")
    }
    guard reasons.isDerived, !reasons.dependsOnPartition || tallies.partitionCount == 1 else {
      return (
        nil,
        tallies.unavailable.first { $0.hasPrefix("adverse-action reasons") }
          ?? "adverse-action reasons: not derived in every partition"
      )
    }
    guard case .model(let model) = manifest.predictions,
      let loaded = try model.source.loadFile()
    else {
      return (nil, "adverse-action reasons need the model file")
    }
    return (
      try reasonEvidence(
        manifest, tallies: reasons, layouts: tallies.layouts, model: loaded, seed: seed,
        threads: threads),
      nil
    )
  }
}

extension AuditPipeline {
  /// The files a partition's evidence reads besides its rows: the manifest, the model file,
  /// a background file, a reason table and every policy file (shipped packs included) with
  /// every file a policy extends, as absolute paths (symbolic links unresolved).
  ///
  /// A launcher ships these to the machines that compute partial evidence, keeping their
  /// places relative to each other so that the manifest's relative paths still resolve.
  ///
  /// - Throws: The manifest's and the policies' errors.
  public static func inputFiles(manifest path: String, options: AuditOptions) throws -> [String] {
    let loaded = try read(
      manifest: path, options: options, stages: Stages(options), rowsGivenElsewhere: true)
    let (manifest, policies) = (loaded.manifest, loaded.policies)
    var files = [manifest.file]
    if case .file(let model, link: _) = manifest.model?.source { files.append(model) }
    if case .file(let background, rows: _) = manifest.attributions.background {
      files.append(background)
    }
    if let table = manifest.reasons.table { files.append(table) }
    files += policies.flatMap { [$0.file] + $0.ancestors.map(\.file) }
    // Symbolic links unresolved, as provenance records the paths: a launcher places each
    // file by its path relative to the manifest's.
    var seen = Set<String>()
    return files.map(PathText.absolute).filter { seen.insert($0).inserted }
  }
}
