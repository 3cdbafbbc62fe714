import FairReports

extension SampleDocuments {
  static let regB = FindingsDocument.PolicyReference(
    id: "us-ecoa-regb", version: "2026.1", title: "ECOA / Regulation B fair lending")
  static let euAIAct = FindingsDocument.PolicyReference(
    id: "eu-ai-act-highrisk", version: "2026.1", title: "EU AI Act high-risk bias examination")
  static let modelRisk = FindingsDocument.PolicyReference(
    id: "acme-model-risk", version: "3.2", title: "Acme Bank model risk standard")
  static let regBEffects = FindingsDocument.Citation(
    text: "12 CFR 1002.6(a) and Supplement I, comment 6(a)-2", kind: .law, status: .inForce,
    url: "https://www.ecfr.gov/current/title-12/chapter-X/part-1002/section-1002.6",
    note: "A CFPB proposal of November 2025 would delete the effects-test language.")
  static let ecoaStatute = FindingsDocument.Citation(
    text: "15 U.S.C. 1691(a)", kind: .law, status: .inForce,
    url: "https://www.law.cornell.edu/uscode/text/15/1691")
  static let cfpbCircular = FindingsDocument.Citation(
    text: "CFPB Circular 2022-03", kind: .guidance, status: .withdrawn,
    note: "Withdrawn 12 May 2025 (90 FR 20084); 12 CFR 1002.9 still applies.")
  static let aiActArticle10 = FindingsDocument.Citation(
    text: "Regulation (EU) 2024/1689, Art. 10(2)(f) and Art. 9(8)", kind: .providerDefined,
    status: .inForce, url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj")
  static let sr117 = FindingsDocument.Citation(
    text: "SR 11-7, Supervisory Guidance on Model Risk Management", kind: .guidance,
    status: .superseded, note: "Superseded on 17 April 2026 by SR 26-2.")

  static let creditFeatures = [
    "checking_status", "duration", "credit_history", "credit_amount", "savings", "age",
    "employment", "purpose", "installment_rate", "housing",
  ]

  /// One slice's attribution summary, with shares derived from the mean |φ| values.
  static func attributions(
    _ slice: String, _ meanAbs: [Double], _ means: [Double], ratios: [Double]?
  )
    -> FindingsDocument.AttributionEvidence.SliceAttributions
  {
    let total = meanAbs.reduce(0, +)
    let order = meanAbs.indices.sorted { meanAbs[$0] > meanAbs[$1] }
    let features = order.enumerated().map { rank, index in
      FindingsDocument.FeatureAttribution(
        feature: creditFeatures[index], meanAbs: meanAbs[index],
        meanAbsInterval: interval(meanAbs[index] * 0.9, meanAbs[index] * 1.1),
        mean: means[index], share: meanAbs[index] / total, rank: rank + 1,
        ratioToReference: ratios?[index],
        ratioInterval: ratios.map { interval($0[index] * 0.85, $0[index] * 1.15) })
    }
    return .init(slice: slice, features: features)
  }

  /// A credit audit of an XGBoost model on German credit data under Regulation B, the EU
  /// AI Act and an internal model-risk pack: label metrics, attributions by age band, a
  /// gap decomposition, proxy associations and flip rates; withdrawn and superseded
  /// citations.
  static var credit: FindingsDocument {
    let findings = creditFindings
    let approvals = [
      Counts(slice: "male", applicants: 690, selected: 510),
      Counts(slice: "female", applicants: 310, selected: 212),
    ]
    let ages = [
      Counts(slice: "under 25", applicants: 149, selected: 82),
      Counts(slice: "25-61", applicants: 829, selected: 628),
      Counts(slice: "62 and over", applicants: 22, selected: 14),
    ]
    return FindingsDocument(
      tool: .init(version: "0.4.0"), generatedAt: context.generatedAtText, asOf: "2026-11-20",
      provenance: .init(
        model: .init(
          path: "models/german-credit-xgb.json", sha256: digest("xgb"),
          summary: "XGBoost binary:logistic, 120 trees of depth 4, 20 features",
          format: "xgboost-json"),
        data: .init(
          path: "fixtures/data/german-credit/german-credit.csv", sha256: digest("german"),
          rows: 1_000, rowsUsed: 1_000),
        manifest: .init(path: "fairgate.yaml", sha256: digest("manifest-credit")),
        policies: [
          .init(
            id: regB.id, title: regB.title, version: regB.version, path: "builtin:us-ecoa-regb",
            sha256: digest("regb")),
          .init(
            id: euAIAct.id, title: euAIAct.title, version: euAIAct.version,
            path: "builtin:eu-ai-act-highrisk", sha256: digest("euaiact")),
          .init(
            id: modelRisk.id, title: modelRisk.title, version: modelRisk.version,
            path: "policies/acme-model-risk.yaml", sha256: digest("acme")),
        ],
        seed: 7, bootstrapReplicates: 1_000, confidenceLevel: 0.95),
      method: .init(
        decisionRule: .init(
          source: .model, space: .probability, threshold: 0.3, favourable: .below),
        attribution: .init(
          method: "tree-path", outputSpace: "margin",
          background: "all 1,000 applicants (Regulation B comment 9(b)(2)-5, method B)",
          backgroundRows: 1_000, reason: "exact path-dependent TreeSHAP fits a tree ensemble"),
        tests: .init(alpha: 0.05),
        notes: ["The model predicts the probability of default; approval means below 0.3."]),
      scope: .init(
        protectedAttributes: [
          .init(
            name: "sex", kind: .column, columns: ["sex"], reference: "male", unknownCount: 0),
          .init(
            name: "age band", kind: .bins, columns: ["age"], reference: "25-61",
            bins: [
              .init(label: "under 25", lower: -.infinity, upper: 25),
              .init(label: "25-61", lower: 25, upper: 62),
              .init(label: "62 and over", lower: 62, upper: .infinity),
            ], unknownCount: 0),
        ],
        groupings: [
          .init(name: "sex", attributes: ["sex"], reference: "male", unknownCount: 0),
          .init(name: "age band", attributes: ["age band"], reference: "25-61", unknownCount: 0),
        ],
        labelColumn: "credit_risk", favourableLabel: "good", rows: 1_000),
      summary: .init(findings: findings, failOn: .warning), findings: findings, waivers: [],
      evidence: .init(
        groups: [
          .init(
            grouping: "sex", reference: "male",
            slices: slices(approvals, reference: "male", total: 1_000) { slice, evidence in
              let female = slice == "female"
              evidence.selectionRateInterval =
                female ? interval(0.632, 0.733) : interval(0.706, 0.771)
              evidence.baseRate = female ? 0.648 : 0.723
              evidence.tpr = female ? 0.861 : 0.902
              evidence.fpr = female ? 0.385 : 0.461
              evidence.fnr = female ? 0.139 : 0.098
              evidence.tnr = female ? 0.615 : 0.539
              evidence.precision = female ? 0.807 : 0.832
              evidence.auc = female ? 0.781 : 0.802
              evidence.logLoss = female ? 0.497 : 0.471
              evidence.brier = female ? 0.166 : 0.158
              evidence.ece = female ? 0.041 : 0.027
              if female {
                evidence.impactRatioInterval = interval(0.862, 1.001)
                evidence.pValue = 0.0761
                evidence.adjustedPValue = 0.0761
                evidence.test = .z
              }
            },
            demographicParityDifference: 0.0552, demographicParityRatio: 0.9251,
            equalizedOddsDifference: 0.0760, equalOpportunityDifference: 0.0410),
          .init(
            grouping: "age band", reference: "25-61",
            slices: slices(ages, reference: "25-61", total: 1_000) { slice, evidence in
              switch slice {
              case "under 25":
                evidence.impactRatioInterval = interval(0.594, 0.842)
                evidence.selectionRateInterval = interval(0.470, 0.630)
                evidence.pValue = 0.0001
                evidence.adjustedPValue = 0.0002
                evidence.test = .z
                evidence.tpr = 0.702
                evidence.fpr = 0.354
                evidence.auc = 0.744
              case "62 and over":
                evidence.selectionRateInterval = interval(0.430, 0.820)
                evidence.pValue = 0.3410
                evidence.adjustedPValue = 0.3410
                evidence.test = .fisher
              default:
                evidence.selectionRateInterval = interval(0.728, 0.786)
                evidence.tpr = 0.893
                evidence.fpr = 0.446
                evidence.auc = 0.806
              }
            },
            demographicParityDifference: 0.2072, demographicParityRatio: 0.7244,
            equalizedOddsDifference: 0.1910, equalOpportunityDifference: 0.1910),
        ],
        attributions: [
          .init(
            grouping: "age band", reference: "25-61", space: "margin",
            slices: [
              attributions(
                "under 25", [0.61, 0.38, 0.29, 0.27, 0.22, 0.41, 0.33, 0.12, 0.09, 0.14],
                [0.11, -0.12, 0.04, -0.05, 0.02, -0.31, -0.22, 0.01, -0.01, -0.06],
                ratios: [1.05, 1.12, 0.97, 1.02, 0.94, 2.10, 1.65, 0.88, 0.92, 1.40]),
              attributions(
                "25-61", [0.58, 0.34, 0.30, 0.26, 0.23, 0.19, 0.20, 0.14, 0.10, 0.10],
                [-0.02, 0.01, -0.01, 0.01, 0.00, 0.05, 0.03, 0.00, 0.00, 0.01], ratios: nil),
              attributions(
                "62 and over", [0.55, 0.31, 0.35, 0.22, 0.27, 0.26, 0.11, 0.15, 0.08, 0.19],
                [0.04, 0.06, 0.09, -0.02, 0.07, 0.08, -0.03, 0.02, 0.00, -0.04],
                ratios: [0.95, 0.91, 1.17, 0.85, 1.17, 1.37, 0.55, 1.07, 0.80, 1.90]),
            ])
        ],
        gaps: [
          .init(
            grouping: "age band", slice: "under 25", reference: "25-61", space: "margin",
            gap: 0.612,
            contributions: [
              .init(feature: "age", contribution: 0.338, interval: interval(0.281, 0.395)),
              .init(feature: "employment", contribution: 0.251, interval: interval(0.190, 0.312)),
              .init(feature: "duration", contribution: 0.131, interval: interval(0.062, 0.200)),
              .init(feature: "housing", contribution: 0.072, interval: interval(0.020, 0.124)),
              .init(
                feature: "checking_status", contribution: -0.128,
                interval: interval(-0.210, -0.046)),
              .init(feature: "credit_amount", contribution: -0.052),
              .init(feature: "savings", contribution: 0.000),
            ])
        ],
        proxies: [
          .init(
            feature: "age", attribute: "age band", measure: .correlationRatio,
            association: 0.931, nmi: 0.812, auc: 0.990, attributionShare: 0.081, isProxy: true),
          .init(
            feature: "employment", attribute: "age band", measure: .cramersV, association: 0.382,
            nmi: 0.121, auc: 0.741, attributionShare: 0.076, isProxy: true),
          .init(
            feature: "housing", attribute: "sex", measure: .cramersV, association: 0.214,
            nmi: 0.038, auc: 0.611, attributionShare: 0.042, isProxy: false),
          .init(
            feature: "purpose", attribute: "sex", measure: .cramersV, association: 0.176,
            nmi: 0.026, auc: 0.583, attributionShare: 0.054, isProxy: false),
          .init(
            feature: "housing", attribute: "age band", measure: .cramersV, association: 0.268,
            nmi: 0.061, auc: 0.652, attributionShare: 0.042, isProxy: false),
          .init(
            feature: "credit_amount", attribute: "sex", measure: .correlationRatio,
            association: 0.091, nmi: 0.009, auc: 0.532, attributionShare: 0.098, isProxy: false),
        ],
        flips: [
          .init(attribute: "sex", rate: 0.008, interval: interval(0.003, 0.016), rows: 1_000),
          .init(attribute: "age band", rate: 0.031, interval: interval(0.021, 0.043), rows: 1_000),
        ]))
  }

  static var creditFindings: [Finding] {
    [
      Finding(
        policy: regB, rule: .init(id: "approval-ratio", title: "Approval-rate ratio"),
        metric: "impact_ratio_to_reference",
        subject: .init(grouping: "age band", slice: "under 25"),
        verdict: .fail, severity: .error, value: (82.0 / 149) / (628.0 / 829),
        requirement: ">= 0.8", requirementBounds: [0.8], interval: interval(0.594, 0.842),
        pValue: 0.0001, adjustedPValue: 0.0002, test: .z, alpha: 0.05,
        testReason: "every expected count is at least 5", groupSize: 149, referenceSize: 829,
        shortfall: 30.9, citations: [regBEffects, ecoaStatute],
        message: "Applicants under 25 are approved at 0.726 of the rate of applicants aged"
          + " 25-61, below 0.8."),
      Finding(
        policy: regB, rule: .init(id: "approval-ratio", title: "Approval-rate ratio"),
        metric: "impact_ratio_to_reference", subject: .init(grouping: "sex", slice: "female"),
        verdict: .pass, severity: .error, value: (212.0 / 310) / (510.0 / 690),
        requirement: ">= 0.8", requirementBounds: [0.8], interval: interval(0.862, 1.001),
        pValue: 0.0761, adjustedPValue: 0.0761, test: .z, alpha: 0.05, groupSize: 310,
        referenceSize: 690,
        citations: [regBEffects],
        message: "Female applicants are approved at 0.925 of the male rate, above 0.8."),
      Finding(
        policy: regB, rule: .init(id: "approval-ratio", title: "Approval-rate ratio"),
        metric: "impact_ratio_to_reference",
        subject: .init(grouping: "age band", slice: "62 and over"), verdict: .insufficientData,
        severity: .error, value: (14.0 / 22) / (628.0 / 829), requirement: ">= 0.8",
        pValue: 0.3410, test: .fisher, groupSize: 22, referenceSize: 829, citations: [regBEffects],
        message: "22 applicants aged 62 and over are fewer than the minimum group size of 30."),
      Finding(
        policy: regB, rule: .init(id: "proxy-screen", title: "Proxies of a prohibited basis"),
        metric: "proxy_association",
        subject: .init(grouping: "age band", feature: "employment"), verdict: .fail,
        severity: .warning, value: 0.382, requirement: "< 0.3", citations: [cfpbCircular],
        message: "Employment length is associated with age band (Cramér's V 0.382) and"
          + " carries 7.6% of the attributions."),
      Finding(
        policy: euAIAct, rule: .init(id: "equalized-odds", title: "Equalized odds difference"),
        metric: "equalized_odds_difference", subject: .init(grouping: "sex"), verdict: .pass,
        severity: .warning, value: 0.076, requirement: "<= 0.1", citations: [aiActArticle10],
        message: "The equalized odds difference between sexes is 0.076, within 0.1."),
      Finding(
        policy: euAIAct, rule: .init(id: "equalized-odds", title: "Equalized odds difference"),
        metric: "equalized_odds_difference", subject: .init(grouping: "age band"),
        verdict: .fail, severity: .warning, value: 0.191, requirement: "<= 0.1",
        citations: [aiActArticle10],
        message: "The equalized odds difference between age bands is 0.191, above 0.1."),
      Finding(
        policy: euAIAct,
        rule: .init(id: "attribution-ratio", title: "Feature reliance relative to reference"),
        metric: "attribution_ratio",
        subject: .init(grouping: "age band", slice: "under 25", feature: "age"), verdict: .fail,
        severity: .info, value: 2.10, requirement: "<= 1.5", interval: interval(1.785, 2.415),
        groupSize: 149, referenceSize: 829, citations: [aiActArticle10],
        message: "Age weighs 2.1 times as much in decisions on applicants under 25 as on"
          + " applicants aged 25-61."),
      Finding(
        policy: modelRisk, rule: .init(id: "flip-rate", title: "Counterfactual flip rate"),
        metric: "flip_rate", subject: .init(grouping: "sex"), verdict: .pass, severity: .error,
        value: 0.008, requirement: "<= 0.02", interval: interval(0.003, 0.016),
        citations: [sr117], message: "Changing sex alone flips 0.8% of decisions, within 2%."),
      Finding(
        policy: modelRisk, rule: .init(id: "flip-rate", title: "Counterfactual flip rate"),
        metric: "flip_rate", subject: .init(grouping: "age band"), verdict: .fail,
        severity: .error, value: 0.031, requirement: "<= 0.02", interval: interval(0.021, 0.043),
        citations: [sr117], message: "Changing age band alone flips 3.1% of decisions, above 2%."),
    ]
  }
}
