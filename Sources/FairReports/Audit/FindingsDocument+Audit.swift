import FairAttribution
public import FairAudit
import FairMetrics
import FairModels
import FairPolicy
import Foundation

extension FindingsDocument {
  /// The findings document of an audit: provenance, method, scope, every finding and the
  /// evidence tables that were computed (attribution tables only when a rule read them).
  ///
  /// - Parameters:
  ///   - result: The audit.
  ///   - generatedAt: The report's time stamp (from `SOURCE_DATE_EPOCH` for reproducible
  ///     reports), ISO-8601 UTC.
  /// - Throws: The evidence's error, should a table fail that the rules did not need.
  public init(audit result: AuditResult, generatedAt: String) throws {
    let manifest = result.manifest
    let evidence = result.evidence
    let provenance = result.provenance
    let groups = try evidence.groupMetrics()
    let groupsByName = Dictionary(groups.map { ($0.grouping, $0) }, uniquingKeysWith: { a, _ in a })

    let decision: FindingsDocument.DecisionRule
    switch manifest.predictions {
    case .model:
      let rule = manifest.decision?.rule ?? FairMetrics.DecisionRule()
      decision = FindingsDocument.DecisionRule(
        source: .model, space: DecisionRule.Space(rule.space), threshold: rule.threshold,
        favourable: rule.favourable == .above ? .above : .below)
    case .scores(let scores):
      let rule = manifest.decision?.rule
      decision =
        scores.decisionColumn != nil
        ? FindingsDocument.DecisionRule(
          source: .decisionColumn, space: nil, threshold: nil, favourable: .above)
        : FindingsDocument.DecisionRule(
          source: .scoreColumn, space: rule.map { DecisionRule.Space($0.space) },
          threshold: rule?.threshold,
          favourable: rule?.favourable == .below ? .below : .above)
    }
    var attribution: FindingsDocument.AttributionSettings?
    if let run = result.run.attribution {
      let background: String
      switch manifest.attributions.background {
      case .file(let path, rows: _): background = "file \(path)"
      case .sample(let rows): background = "\(rows) rows sampled from the data with the seed"
      }
      attribution = FindingsDocument.AttributionSettings(
        method: run.method, outputSpace: manifest.attributions.output.rawValue,
        background: run.backgroundRows > 0
          ? background : "none: path-dependent TreeSHAP weighs paths by the trees' covers",
        backgroundRows: run.backgroundRows, samples: manifest.attributions.samples,
        seed: result.seed, reason: run.reason)
    }
    var notes: [String] = []
    if groups.contains(where: \.isWeighted) {
      notes.append(
        "Membership probabilities weight every count of the probabilistic attributes; the "
          + "'(assigned)' groupings assign each row to its most probable group instead.")
    }
    if groups.contains(where: { $0.excludedSliceCount > 0 }) {
      notes.append(
        "Slices under \(manifest.minimumSliceShare) of the data are left out of comparisons "
          + "(6 RCNY § 5-301(d)); their counts and rates are still reported.")
    }
    let method = Method(
      decisionRule: decision, attribution: attribution,
      tests: TestSettings(alpha: (manifest.statistics.alpha * 1e12).rounded() / 1e12),
      notes: notes)

    let attributes = manifest.protectedAttributes.map { declaration in
      let attribute = declaration.attribute
      let unknown = groupsByName[attribute.name]?.unknownCount ?? 0
      switch attribute.source {
      case .column(let column):
        return ProtectedAttribute(
          name: attribute.name, kind: .column, columns: [column], reference: attribute.reference,
          unknownCount: unknown)
      case .bins(let column, let edges, let labels):
        let names =
          labels
          ?? (0..<(edges.count - 1)).map {
            FairMetrics.ProtectedAttribute.binLabel(lower: edges[$0], upper: edges[$0 + 1])
          }
        return ProtectedAttribute(
          name: attribute.name, kind: .bins, columns: [column], reference: attribute.reference,
          bins: names.indices.map {
            ProtectedAttribute.Bin(label: names[$0], lower: edges[$0], upper: edges[$0 + 1])
          }, unknownCount: unknown)
      case .probabilities(let columns):
        return ProtectedAttribute(
          name: attribute.name, kind: .probabilities, columns: columns.map(\.column),
          reference: attribute.reference, unknownCount: unknown)
      }
    }
    let scope = Scope(
      protectedAttributes: attributes,
      groupings: groups.map { grouping in
        Grouping(
          name: grouping.grouping, attributes: grouping.attributes, reference: grouping.reference,
          unknownCount: grouping.unknownCount,
          excluded: grouping.slices.filter(\.isExcluded).map {
            Grouping.ExcludedSlice(
              slice: $0.slice, count: $0.rows,
              reason: "under \(manifest.minimumSliceShare) of the data (share \($0.share))")
          })
      }, labelColumn: manifest.data.label, favourableLabel: manifest.data.favourableLabel,
      rows: provenance.rows)

    let titles = Dictionary(
      provenance.policies.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    let findings = result.evaluation.findings.map {
      FindingsDocument.finding($0, policyTitle: titles[$0.policyID] ?? $0.policyID)
    }
    let gate =
      FindingsDocument.Gate.Threshold(rawValue: result.outcome.threshold.rawValue) ?? .error
    var summary = Summary(findings: findings, failOn: gate)
    summary.gate.failed = !result.outcome.passed
    summary.gate.exitStatus = result.outcome.passed ? 0 : 1

    var waivers: [Waiver] = []
    for finding in result.evaluation.findings {
      guard let waiver = finding.waiver else { continue }
      waivers.append(
        Waiver(
          rule: waiver.rule, subject: finding.subject.description, reason: waiver.reason,
          approver: waiver.approver, expires: waiver.expires.description,
          status: finding.isWaiverExpired ? .expired : .applied))
    }
    // Every declared waiver is recorded: those applied (in force or expired) with their
    // findings, the others — matching no finding, or only findings that did not fail, or
    // set aside for a renewal in force — as unmatched.
    let applied = Set(result.evaluation.findings.compactMap(\.waiver))
    for waiver in manifest.waivers where !applied.contains(waiver) {
      waivers.append(
        Waiver(
          rule: waiver.rule, subject: waiver.subject.map { "\($0)" }, reason: waiver.reason,
          approver: waiver.approver, expires: waiver.expires.description, status: .unmatched))
    }

    self.init(
      tool: Tool(version: AuditPipeline.toolVersion), generatedAt: generatedAt,
      asOf: result.asOf.description,
      provenance: FindingsDocument.Provenance(
        model: provenance.model.map {
          ModelFile(
            path: $0.path, sha256: $0.sha256, summary: provenance.modelSummary ?? "",
            format: provenance.modelIsCommand
              ? "command" : FindingsDocument.format(ofModel: result.run.modelSummary ?? ""))
        },
        data: DataFile(
          path: provenance.data.path, sha256: provenance.data.sha256, rows: provenance.rows,
          rowsUsed: provenance.rows),
        manifest: FileDigest(path: provenance.manifest.path, sha256: provenance.manifest.sha256),
        policies: provenance.policies.map {
          PolicyFile(
            id: $0.id, title: $0.title, version: $0.version, path: $0.file.path,
            sha256: $0.file.sha256, extendedBy: $0.extendedBy)
        }, seed: result.seed, bootstrapReplicates: provenance.bootstrapReplicates,
        confidenceLevel: provenance.confidenceLevel),
      method: method, scope: scope, summary: summary, findings: findings, waivers: waivers,
      evidence: try FindingsDocument.evidence(result, groups: groups))
    if !provenance.supportingFiles.isEmpty {
      self.provenance.supportingFiles = provenance.supportingFiles.map {
        SupportingFile(role: $0.role, path: $0.file.path, sha256: $0.file.sha256)
      }
    }
    self.provenance.partitions = provenance.partitions?.map {
      FindingsDocument.Provenance.Partition(id: $0.id, rows: $0.rows, sha256: $0.dataSHA256)
    }
  }

  /// The format of a model file, by the summary its loader wrote (`XGBoost gbtree, …`).
  private static func format(ofModel summary: String) -> String {
    let names: [(prefix: String, format: ModelFormat)] = [
      ("XGBoost", .xgboostJSON), ("LightGBM", .lightgbmText), ("PMML", .pmml),
    ]
    return names.first { summary.hasPrefix($0.prefix) }?.format.rawValue ?? "unknown"
  }

  private static func finding(_ finding: FairPolicy.Finding, policyTitle: String) -> Finding {
    var waiver: FindingWaiver?
    if let granted = finding.waiver {
      waiver = FindingWaiver(
        reason: granted.reason, approver: granted.approver, expires: granted.expires.description,
        status: finding.isWaiverExpired ? .expired : .applied)
    }
    return Finding(
      policy: PolicyReference(
        id: finding.policyID, version: finding.policyVersion, title: policyTitle),
      rule: RuleReference(id: finding.ruleID, title: finding.ruleTitle), metric: finding.metric,
      subject: Subject(
        grouping: finding.subject.grouping.map { $0.attributes.joined(separator: " × ") },
        slice: finding.subject.slice.map { $0.values.joined(separator: " × ") },
        feature: finding.subject.feature),
      verdict: Verdict(finding.verdict), severity: Severity(finding.severity),
      qualifier: finding.qualifier, advisory: finding.isAdvisory, value: finding.value,
      requirement: finding.requirementText ?? "reported",
      requirementBounds: finding.requirement?.bounds,
      interval: finding.interval.map {
        Interval(lower: $0.lower, upper: $0.upper, level: $0.confidence)
      },
      pValue: finding.significance?.pValue, adjustedPValue: finding.significance?.adjustedPValue,
      test: finding.significance.flatMap {
        $0.test == .z ? .z : ($0.test == .fisher ? .fisher : nil)
      },
      alpha: finding.alpha, groupSize: finding.groupSize, referenceSize: finding.referenceSize,
      shortfall: finding.shortfall, citations: finding.citations.map(FindingsDocument.citation),
      waiver: waiver, message: finding.message)
  }

  private static func citation(_ citation: FairPolicy.Citation) -> Citation {
    let kind: Citation.Kind
    switch citation.kind {
    case .law, .regulation: kind = .law
    case .guidance: kind = .guidance
    case .practice: kind = .practice
    case .internal: kind = .policy
    }
    let status: Citation.Status
    switch citation.status {
    case .inForce: status = .inForce
    case .withdrawn: status = .withdrawn
    case .superseded: status = .superseded
    case .proposed: status = .proposed
    }
    return Citation(
      text: citation.text, kind: kind, status: status, url: citation.url, note: citation.note)
  }

  private static func interval(_ interval: FairMetrics.ConfidenceInterval?) -> Interval? {
    interval.map { Interval(lower: $0.lower, upper: $0.upper, level: $0.level) }
  }

  /// The evidence tables: group metrics always; attributions, gaps and proxies when they
  /// were computed for the rules; the LL144 summary when that pack ran.
  private static func evidence(_ result: AuditResult, groups: [GroupingMetrics]) throws
    -> Evidence
  {
    let evidence = result.evidence
    var tables = Evidence()
    // Evidence read from data carries everything; merged evidence says what it lacks, also
    // for one partition (adverse-action reasons are never carried).
    tables.unavailable = evidence.tallies().unavailable
    tables.groups = groups.map { grouping in
      GroupingEvidence(
        grouping: grouping.grouping, reference: grouping.reference,
        slices: grouping.slices.map { slice in
          var row = SliceEvidence(
            slice: slice.slice, count: slice.rows, weight: slice.weight, share: slice.share,
            excluded: slice.isExcluded,
            excludedReason: slice.isExcluded ? "under the minimum share of the data" : nil,
            selected: slice.selected, selectionRate: slice.selectionRate,
            selectionRateInterval: interval(slice.selectionRateInterval),
            scoringRate: slice.scoringRate, impactRatio: slice.impactRatio,
            impactRatioInterval: interval(slice.impactRatioInterval),
            impactRatioToReference: slice.impactRatioToReference,
            pValue: slice.comparedWithMostFavoured?.test.pValue,
            adjustedPValue: slice.comparedWithMostFavoured?.adjustedPValue,
            test: slice.comparedWithMostFavoured.map {
              $0.test.kind == .twoProportionZ ? .z : .fisher
            }, shortfall: slice.comparedWithMostFavoured?.test.shortfall)
          row.baseRate = slice.baseRate
          row.tpr = slice.truePositiveRate
          row.fpr = slice.falsePositiveRate
          row.fnr = slice.falseNegativeRate
          row.tnr = slice.trueNegativeRate
          row.precision = slice.precision
          row.auc = slice.auc
          row.logLoss = slice.logLoss
          row.brier = slice.brierScore
          row.ece = slice.expectedCalibrationError
          return row
        }, demographicParityDifference: grouping.demographicParityDifference,
        demographicParityRatio: grouping.demographicParityRatio,
        equalizedOddsDifference: grouping.equalizedOddsDifference,
        equalOpportunityDifference: grouping.equalOpportunityDifference)
    }
    if let summaries = evidence.cachedAttributionSummaries() {
      for summary in summaries {
        tables.attributions.append(
          AttributionEvidence(
            grouping: summary.grouping, reference: summary.reference, space: summary.outputSpace,
            slices: summary.slices.map { slice in
              AttributionEvidence.SliceAttributions(
                slice: slice.slice,
                features: slice.features.map {
                  FeatureAttribution(
                    feature: $0.feature, meanAbs: $0.meanAbsolute,
                    meanAbsInterval: interval($0.meanAbsoluteInterval), mean: $0.mean,
                    share: $0.share, rank: $0.rank, ratioToReference: $0.ratioToReference,
                    ratioInterval: interval($0.ratioToReferenceInterval))
                })
            }))
        for slice in summary.slices where slice.slice != summary.reference {
          tables.gaps.append(
            GapEvidence(
              grouping: summary.grouping, slice: slice.slice, reference: summary.reference,
              space: summary.outputSpace, gap: slice.gap,
              contributions: slice.features.sorted {
                abs($0.gapContribution) > abs($1.gapContribution)
                  || (abs($0.gapContribution) == abs($1.gapContribution) && $0.feature < $1.feature)
              }.map {
                GapEvidence.Contribution(
                  feature: $0.feature, contribution: $0.gapContribution,
                  interval: interval($0.gapContributionInterval))
              }))
        }
      }
    }
    if let proxies = evidence.cachedProxies() {
      tables.proxies = proxies.map {
        ProxyAssociation(
          feature: $0.feature, attribute: $0.attribute,
          measure: $0.measure == "cramers-v" ? .cramersV : .correlationRatio,
          association: $0.association, nmi: $0.normalizedMutualInformation, auc: $0.auc,
          attributionShare: $0.attributionShare, isProxy: $0.isProxy)
      }
    }
    if let flips = evidence.cachedCounterfactualFlips() {
      tables.flips = flips.map {
        FlipRate(
          attribute: "\($0.attribute) = \($0.value)", rate: $0.rate,
          interval: interval($0.interval),
          rows: $0.rows)
      }
    }
    // The summary belongs to every audit under the LL144 pack, also through a house policy
    // that extends it.
    if result.policies.contains(where: {
      $0.id == "nyc-ll144" || $0.ancestors.contains { $0.id == "nyc-ll144" }
    }) {
      tables.ll144 = ll144(result, groups: groups)
    }
    if let summary = result.reasons?.computed { tables.reasons = reasons(summary) }
    tables.losses = (evidence.cachedLossMetrics() ?? []).map(lossEvidence)
    for decomposition in evidence.cachedLossGapDecompositions() ?? [] {
      for slice in decomposition.slices where slice.slice != decomposition.reference {
        let contributions = slice.contributions.sorted {
          abs($0.contribution) > abs($1.contribution)
            || (abs($0.contribution) == abs($1.contribution) && $0.feature < $1.feature)
        }
        tables.lossGaps.append(
          GapEvidence(
            grouping: decomposition.grouping, slice: slice.slice,
            reference: decomposition.reference, space: "loss", gap: slice.gap,
            contributions: contributions.map {
              GapEvidence.Contribution(
                feature: $0.feature, contribution: $0.contribution, interval: interval($0.interval))
            } + [
              GapEvidence.Contribution(
                feature: GapEvidence.outcomeMixFeature, contribution: slice.outcomeMix,
                interval: interval(slice.outcomeMixInterval))
            ]))
      }
    }
    return tables
  }

  /// The loss evidence of one grouping.
  private static func lossEvidence(_ metrics: LossMetrics) -> LossEvidence {
    LossEvidence(
      grouping: metrics.grouping, reference: metrics.reference, loss: metrics.loss,
      costs: metrics.costs,
      slices: metrics.slices.map { slice in
        var row = LossEvidence.Slice(
          slice: slice.slice, count: slice.rows, rowShare: slice.rowShare)
        if let loss = slice.loss {
          row.meanLoss = loss.mean
          row.meanLossInterval = interval(loss.meanInterval)
          row.lossShare = loss.share
          row.lossShareRatio = loss.shareRatio
          row.lossRatio = loss.ratio
          row.lossRatioInterval = interval(loss.ratioInterval)
          row.lossDifference = loss.difference
          row.lossDifferenceInterval = interval(loss.differenceInterval)
        }
        if let cost = slice.cost {
          row.meanCost = cost.mean
          row.meanCostInterval = interval(cost.meanInterval)
          row.costShare = cost.share
          row.costShareRatio = cost.shareRatio
          row.costRatio = cost.ratio
          row.costRatioInterval = interval(cost.ratioInterval)
          row.costDifference = cost.difference
          row.costDifferenceInterval = interval(cost.differenceInterval)
        }
        return row
      })
  }

  /// The reason evidence of an audit whose reason analysis ran.
  private static func reasons(_ summary: ReasonSummary) -> ReasonEvidence {
    let request = summary.request
    return ReasonEvidence(
      source: summary.source, reference: request.reference.summary, top: request.top,
      table: request.table.source,
      codes: summary.codes.map {
        ReasonEvidence.Code(
          code: $0.reason.code, text: $0.reason.text, features: $0.reason.features,
          prohibitedBasis: $0.reason.prohibitedBasis)
      },
      adverse: summary.checks.adverseCount,
      reasonCounts: summary.checks.reasonCountDistribution,
      groupings: summary.distributions.map { distribution in
        ReasonEvidence.GroupingReasons(
          grouping: distribution.grouping, codes: distribution.codes,
          slices: distribution.slices.map { slice in
            ReasonEvidence.SliceReasons(
              slice: slice.slice, adverse: slice.adverseCount,
              codes: slice.codes.map {
                ReasonEvidence.CodeShare(
                  code: $0.code, count: $0.count, share: $0.share, topCount: $0.topCount)
              })
          })
      },
      stability: summary.stability.map {
        ReasonEvidence.Stability(
          kind: $0.kind.rawValue, changedShare: $0.changedShare,
          interval: Interval(
            lower: $0.interval.lower, upper: $0.interval.upper,
            level: $0.interval.confidenceLevel),
          replicates: $0.replicates, seed: $0.seed, unstableCount: $0.unstable.count,
          unstableAbove: $0.unstableAbove)
      })
  }

  /// The published-summary fields of 6 RCNY § 5-303.
  private static func ll144(_ result: AuditResult, groups: [GroupingMetrics]) -> LL144Summary {
    let report = result.manifest.report
    var hasDecisionRule = result.manifest.decision?.rule != nil
    if case .model = result.manifest.predictions { hasDecisionRule = true }
    let usesScores =
      result.evidence.hasScores && !hasDecisionRule
      && result.manifest.scores?.decisionColumn == nil
    var categories: [LL144Summary.Category] = []
    var unknown: [LL144Summary.UnknownCount] = []
    for grouping in groups where !grouping.isWeighted {
      unknown.append(
        LL144Summary.UnknownCount(dimension: grouping.grouping, count: grouping.unknownCount))
      for slice in grouping.slices {
        categories.append(
          LL144Summary.Category(
            dimension: grouping.grouping, category: slice.slice, applicants: slice.rows,
            selected: usesScores ? nil : Int(slice.selected.rounded()),
            rate: usesScores ? (slice.scoringRate ?? .nan) : slice.selectionRate,
            // An excluded category is left out of the impact ratios (§ 5-301(d)).
            impactRatio: slice.isExcluded
              ? nil : (usesScores ? slice.scoringImpactRatio : slice.impactRatio),
            excluded: slice.isExcluded,
            exclusionJustification: slice.isExcluded
              ? "under \(result.manifest.minimumSliceShare) of the data used for the audit "
                + "(6 RCNY § 5-301(d))" : nil))
      }
    }
    var missing: [String] = []
    if report.auditDate == nil {
      missing.append("report.audit_date: the date of the bias audit (the as-of date is shown)")
    }
    if report.dataSource == nil {
      missing.append(
        "report.data_source: the source and explanation of the data (the data file is shown)")
    }
    if report.dataKind == nil {
      missing.append("report.data_kind: historical or test data (§ 5-302)")
    }
    if report.dataKind == .test && report.notes == nil {
      missing.append(
        "report.notes: why historical data were not used and how the test data were made"
          + " (§ 5-302(b))")
    }
    if report.distributionDate == nil {
      missing.append("report.distribution_date: the date the tool was first distributed")
    }
    return LL144Summary(
      auditDate: report.auditDate?.description ?? result.asOf.description,
      dataSource: report.dataSource ?? result.manifest.data.writtenPath,
      dataKind: report.dataKind.map { $0 == .test ? .test : .historical },
      testDataExplanation: report.dataKind == .test ? report.notes : nil,
      distributionDate: report.distributionDate?.description,
      rateKind: usesScores ? .scoring : .selection,
      sampleMedian: groups.first?.medianScore, tiedAtMedianShare: groups.first?.tiedAtMedianShare,
      unknownCounts: unknown, categories: categories, missing: missing)
  }
}

extension FindingsDocument.DecisionRule.Space {
  init(_ space: FairMetrics.DecisionRule.Space) {
    switch space {
    case .probability: self = .probability
    case .margin: self = .margin
    case .score: self = .score
    }
  }
}

extension FindingsDocument.Verdict {
  init(_ verdict: FairPolicy.Verdict) {
    switch verdict {
    case .pass: self = .pass
    case .fail: self = .fail
    case .waived: self = .waived
    case .insufficientData: self = .insufficientData
    }
  }
}

extension FindingsDocument.Severity {
  init(_ severity: FairPolicy.Severity) {
    switch severity {
    case .error: self = .error
    case .warning: self = .warning
    case .info: self = .info
    }
  }
}
