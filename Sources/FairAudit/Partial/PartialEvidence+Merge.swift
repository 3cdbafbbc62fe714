import FairMetrics

extension PartialEvidence {
  /// Merges partial evidence read from files: the evidence of the rows of all of them.
  ///
  /// Associative and commutative: any order and grouping of the same partials gives the same
  /// bytes. Refuses partials of another format or tool version, of other inputs (manifest,
  /// model, policies), with a partition id seen before, or — when `expected` lists the
  /// partitions — a missing or unexpected partition.
  ///
  /// - Parameters:
  ///   - partials: Each file's path and its evidence.
  ///   - expected: The ids of every partition, when known.
  /// - Returns: The merged evidence.
  /// - Throws: ``PartialEvidenceError`` naming the file and what differs.
  public static func merge(
    _ partials: [(path: String, evidence: PartialEvidence)], expected: [String]? = nil
  ) throws -> PartialEvidence {
    guard let (firstPath, first) = partials.first else {
      throw PartialEvidenceError(file: "-", message: "no partial evidence to merge")
    }
    var owner: [String: String] = [:]
    for (path, partial) in partials {
      func refuse(_ place: String, _ message: String) -> PartialEvidenceError {
        PartialEvidenceError(file: path, place: place, message: message)
      }
      if partial.tool != first.tool {
        throw refuse(
          "'tool'",
          "is '\(partial.tool)', but '\(firstPath)' is '\(first.tool)'; partials "
            + "of different versions do not merge")
      }
      if partial.inputs.manifestSHA256 != first.inputs.manifestSHA256 {
        throw refuse(
          "'inputs.manifestSHA256'",
          "differs from '\(firstPath)': the partials were "
            + "computed with different manifests")
      }
      if partial.inputs.modelSHA256 != first.inputs.modelSHA256 {
        throw refuse(
          "'inputs.modelSHA256'",
          "differs from '\(firstPath)': the partials were computed "
            + "with different models")
      }
      if partial.inputs.policies != first.inputs.policies {
        let changed =
          zip(partial.inputs.policies, first.inputs.policies).first { $0 != $1 }?.0.id
          ?? "the list of policies"
        throw refuse(
          "'inputs.policies'",
          "differ from '\(firstPath)' (\(changed)): the partials were "
            + "computed with different policies")
      }
      if partial.inputs.supportingFiles != first.inputs.supportingFiles {
        throw refuse(
          "'inputs.supportingFiles'",
          "differ from '\(firstPath)': the partials read different reason-code tables or "
            + "attribution backgrounds")
      }
      if partial.inputs.sampleSHA256 != first.inputs.sampleSHA256 {
        throw refuse(
          "'inputs.sampleSHA256'",
          "differs from '\(firstPath)': the partials' attributions used different "
            + "background samples (or one used none)")
      }
      if partial.run.modelSummary != first.run.modelSummary
        || partial.run.modelInputs != first.run.modelInputs
      {
        throw refuse("'run'", "describes another model than '\(firstPath)'")
      }
      for partition in partial.partitions {
        if let seen = owner[partition.id] {
          throw refuse(
            "'partitions'", "repeats partition '\(partition.id)', which '\(seen)' holds too")
        }
        owner[partition.id] = path
      }
    }
    if let expected {
      try checkExpected(expected, owner: owner, files: partials.map(\.path))
    }
    // Merge in partition order, so that the result does not depend on the order given.
    let ordered = partials.sorted {
      ($0.evidence.partitions.first?.id ?? "") < ($1.evidence.partitions.first?.id ?? "")
    }
    let tallies: EvidenceTallies
    do {
      tallies = try EvidenceTallies.merged(ordered.map(\.evidence.evidence))
    } catch let problem as EvidenceTallies.MergeProblem {
      throw PartialEvidenceError(
        file: ordered[problem.index].path, place: "'evidence'",
        message: problem.message + " (compared with '\(ordered[0].path)')")
    }
    // Partitions with a sampled background record different background sizes (and their
    // attributions do not merge, which the tallies say): the run is described as the
    // partition with the first id describes it, whatever the order of the merge.
    let attribution = ordered[0].evidence.run.attribution
    return PartialEvidence(
      format: formatName, tool: first.tool,
      partitions: ordered.flatMap(\.evidence.partitions).sorted { $0.id < $1.id },
      inputs: first.inputs,
      run: RunRecord(
        modelSummary: first.run.modelSummary, modelInputs: first.run.modelInputs,
        attribution: attribution),
      evidence: tallies)
  }

  /// Refuses `owner` (each partition id and the file holding it) unless it holds exactly
  /// the `expected` partitions.
  ///
  /// - Throws: ``PartialEvidenceError`` naming a missing or an unexpected partition.
  static func checkExpected(_ expected: [String], owner: [String: String], files: [String])
    throws
  {
    let expectedSet = Set(expected)
    if let missing = expected.first(where: { owner[$0] == nil }) {
      let count = expected.filter { owner[$0] == nil }.count
      throw PartialEvidenceError(
        file: files.joined(separator: ", "),
        message: "partition '\(missing)' is missing"
          + (count > 1 ? " (and \(count - 1) more)" : "") + " of the \(expected.count) expected")
    }
    if let (id, path) = owner.sorted(by: { $0.key < $1.key }).first(where: {
      !expectedSet.contains($0.key)
    }) {
      throw PartialEvidenceError(
        file: path, place: "'partitions'",
        message: "holds partition '\(id)', which is not expected")
    }
  }
}
