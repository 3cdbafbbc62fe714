import FairReports

extension SampleDocuments {
  static let ugesp = FindingsDocument.PolicyReference(
    id: "us-eeoc-ugesp", version: "2026.1", title: "EEOC Uniform Guidelines adverse impact")
  static let ll144 = FindingsDocument.PolicyReference(
    id: "us-nyc-ll144", version: "2026.1", title: "NYC Local Law 144 bias audit")
  static let fourFifths = FindingsDocument.RuleReference(
    id: "four-fifths", title: "Impact ratio of at least four-fifths")
  static let significance = FindingsDocument.RuleReference(
    id: "practical-significance", title: "No significant shortfall above the four-fifths line")
  static let ugespCitation = FindingsDocument.Citation(
    text: "29 CFR 1607.4(D)", kind: .law, status: .inForce,
    url: "https://www.ecfr.gov/current/title-29/subtitle-B/chapter-XIV/part-1607/section-1607.4")
  static let eeocGuidance = FindingsDocument.Citation(
    text: "EEOC, Select Issues: Assessing Adverse Impact in Software, Algorithms, and AI (2023)",
    kind: .guidance, status: .withdrawn,
    note: "Removed from the EEOC website in January 2025; 29 CFR 1607.4(D) is unchanged.")
  static let ll144Screen = FindingsDocument.Citation(
    text: "6 RCNY § 5-301(b); 0.8 screen from 29 CFR 1607.4(D)", kind: .interpretation,
    status: .inForce,
    note: "Local Law 144 sets no threshold; the screen is advisory.")
  static let ll144Summary = FindingsDocument.Citation(
    text: "6 RCNY § 5-303", kind: .law, status: .inForce,
    url: "https://codelibrary.amlegal.com/codes/newyorkcity/latest/NYCrules/0-0-0-138391")

  static let hiringRace: [Counts] = [
    Counts(slice: "Hispanic or Latino", applicants: 812, selected: 406),
    Counts(slice: "White", applicants: 1_594, selected: 824),
    Counts(slice: "Black or African American", applicants: 780, selected: 340),
    Counts(slice: "Asian", applicants: 520, selected: 236),
    Counts(slice: "Native Hawaiian or Pacific Islander", applicants: 38, selected: 14),
    Counts(slice: "Native American or Alaska Native", applicants: 101, selected: 36),
    Counts(slice: "Two or More Races", applicants: 253, selected: 121),
  ]
  static let hiringSex: [Counts] = [
    Counts(slice: "Male", applicants: 2_060, selected: 1_066),
    Counts(slice: "Female", applicants: 2_092, selected: 985),
  ]
  static let hiringIntersections: [Counts] = [
    Counts(slice: "Male × Hispanic or Latino", applicants: 401, selected: 207),
    Counts(slice: "Female × Hispanic or Latino", applicants: 409, selected: 198),
    Counts(slice: "Male × White", applicants: 806, selected: 427),
    Counts(slice: "Female × White", applicants: 786, selected: 396),
    Counts(slice: "Male × Black or African American", applicants: 372, selected: 170),
    Counts(slice: "Female × Black or African American", applicants: 405, selected: 169),
    Counts(slice: "Male × Asian", applicants: 260, selected: 131),
    Counts(slice: "Female × Asian", applicants: 258, selected: 104),
    Counts(slice: "Male × Native Hawaiian or Pacific Islander", applicants: 21, selected: 9),
    Counts(slice: "Female × Native Hawaiian or Pacific Islander", applicants: 17, selected: 5),
    Counts(slice: "Male × Native American or Alaska Native", applicants: 49, selected: 18),
    Counts(slice: "Female × Native American or Alaska Native", applicants: 52, selected: 18),
    Counts(slice: "Male × Two or More Races", applicants: 121, selected: 65),
    Counts(slice: "Female × Two or More Races", applicants: 131, selected: 56),
  ]

  /// A hiring audit of a résumé screen's score column (no model file) under the EEOC
  /// Uniform Guidelines and NYC Local Law 144: sex, race and sex × race; failures,
  /// warnings, advisory screens, a waiver in force, an expired waiver, an unmatched waiver,
  /// and a slice too small to judge.
  static var hiring: FindingsDocument {
    let findings = hiringFindings
    return FindingsDocument(
      tool: .init(version: "0.4.0"), generatedAt: context.generatedAtText,
      asOf: context.generatedOnText,
      provenance: .init(
        model: nil,
        data: .init(
          path: "data/applicants-2025.csv", sha256: digest("applicants"), rows: 4_210,
          rowsUsed: 4_210),
        manifest: .init(path: "audits/resume-screen.yaml", sha256: digest("manifest-hiring")),
        policies: [
          .init(
            id: ugesp.id, title: ugesp.title, version: ugesp.version,
            path: "builtin:us-eeoc-ugesp", sha256: digest("ugesp")),
          .init(
            id: ll144.id, title: ll144.title, version: ll144.version,
            path: "builtin:us-nyc-ll144", sha256: digest("ll144")),
        ],
        seed: 20_261_120, bootstrapReplicates: 2_000, confidenceLevel: 0.95),
      method: .init(
        decisionRule: .init(source: .scoreColumn, space: .score, threshold: 70, favourable: .above),
        attribution: nil, tests: .init(alpha: 0.05, multipleComparison: .holm),
        notes: [
          "Selection means a screen score of 70 or more, which moves the applicant to interview.",
          "Fisher's exact test replaces the z test when an expected count is below 5.",
        ]),
      scope: .init(
        protectedAttributes: [
          .init(name: "sex", kind: .column, columns: ["sex"], reference: nil, unknownCount: 58),
          .init(
            name: "race", kind: .column, columns: ["race_ethnicity"], reference: "White",
            unknownCount: 112),
        ],
        groupings: [
          .init(name: "sex", attributes: ["sex"], reference: "Male", unknownCount: 58),
          .init(
            name: "race", attributes: ["race"], reference: "White", unknownCount: 112,
            excluded: [
              .init(
                slice: "Native Hawaiian or Pacific Islander", count: 38,
                reason: "under 2% of the audit data (6 RCNY § 5-301(d))")
            ]),
          .init(
            name: "sex × race", attributes: ["sex", "race"], reference: "Male × White",
            unknownCount: 166,
            excluded: [
              .init(
                slice: "Male × Native Hawaiian or Pacific Islander", count: 21,
                reason: "under 2% of the audit data (6 RCNY § 5-301(d))"),
              .init(
                slice: "Female × Native Hawaiian or Pacific Islander", count: 17,
                reason: "under 2% of the audit data (6 RCNY § 5-301(d))"),
            ]),
        ],
        labelColumn: nil, favourableLabel: nil, rows: 4_210),
      summary: .init(findings: findings, failOn: .error), findings: findings,
      waivers: [
        .init(
          rule: "us-eeoc-ugesp/four-fifths", subject: "sex × race = Female × Two or More Races",
          reason: "Remediation plan REM-112 under way; re-audit booked for Q1 2027",
          approver: "J. Alvarez, Chief People Officer", expires: "2027-03-31", status: .applied),
        .init(
          rule: "us-eeoc-ugesp/four-fifths",
          subject: "sex × race = Male × Native American or Alaska Native",
          reason: "Pilot cohort only", approver: "R. Chen, HR Analytics", expires: "2026-06-30",
          status: .expired),
        .init(
          rule: "us-eeoc-ugesp/four-fifths", subject: "race = Asian",
          reason: "Precautionary waiver while the sourcing channel changes",
          approver: "R. Chen, HR Analytics", expires: "2027-01-31", status: .unmatched),
      ],
      evidence: .init(
        groups: [
          .init(
            grouping: "sex", reference: "Male",
            slices: slices(hiringSex, reference: "Male", total: 4_210) { slice, evidence in
              if slice == "Female" {
                evidence.impactRatioInterval = interval(0.879, 0.970)
                evidence.selectionRateInterval = interval(0.449, 0.492)
                evidence.pValue = 0.0061
                evidence.adjustedPValue = 0.0061
                evidence.test = .z
              } else {
                evidence.selectionRateInterval = interval(0.496, 0.539)
              }
            },
            demographicParityDifference: 0.0466, demographicParityRatio: 0.9100),
          .init(
            grouping: "race", reference: "White",
            slices: slices(
              hiringRace, reference: "White", total: 4_210,
              excluded: ["Native Hawaiian or Pacific Islander"]
            ) { slice, evidence in
              switch slice {
              case "Black or African American":
                evidence.impactRatioInterval = interval(0.774, 0.915)
                evidence.pValue = 0.0009
                evidence.adjustedPValue = 0.0045
                evidence.test = .z
              case "Native American or Alaska Native":
                evidence.impactRatioInterval = interval(0.532, 0.858)
                evidence.pValue = 0.0031
                evidence.adjustedPValue = 0.0124
                evidence.test = .z
              case "Asian":
                evidence.impactRatioInterval = interval(0.802, 0.957)
                evidence.pValue = 0.0120
                evidence.adjustedPValue = 0.0360
                evidence.test = .z
              case "Hispanic or Latino":
                evidence.impactRatioInterval = interval(0.906, 1.031)
                evidence.pValue = 0.4394
                evidence.adjustedPValue = 0.8788
                evidence.test = .z
              case "Two or More Races":
                evidence.impactRatioInterval = interval(0.822, 1.033)
                evidence.pValue = 0.2761
                evidence.adjustedPValue = 0.8283
                evidence.test = .z
              default: break
              }
            },
            demographicParityDifference: 0.1605, demographicParityRatio: 0.6896),
          .init(
            grouping: "sex × race", reference: "Male × White",
            slices: slices(
              hiringIntersections, reference: "Male × White", total: 4_210,
              excluded: [
                "Male × Native Hawaiian or Pacific Islander",
                "Female × Native Hawaiian or Pacific Islander",
              ]
            ) { _, _ in }),
        ],
        ll144: hiringLL144))
  }

  static var hiringLL144: FindingsDocument.LL144Summary {
    func categories(_ counts: [Counts], dimension: String, excluded: Set<String>)
      -> [FindingsDocument.LL144Summary.Category]
    {
      let highest = counts.filter { !excluded.contains($0.slice) }.map(\.rate).max() ?? 1
      return counts.map { count in
        let isExcluded = excluded.contains(count.slice)
        return .init(
          dimension: dimension, category: count.slice, applicants: count.applicants,
          selected: count.selected, rate: count.rate,
          impactRatio: isExcluded ? nil : count.rate / highest, excluded: isExcluded,
          exclusionJustification: isExcluded
            ? "Represents under 2% of the audit data (\(count.applicants) of 4,210 applicants)."
            : nil)
      }
    }
    return .init(
      auditDate: "2026-11-20",
      dataSource: "Historical data of the employer's own use of the screen, 1 Jan – 31 Dec 2025:"
        + " 4,210 applicants to NYC-based roles; sex and race/ethnicity self-reported on the"
        + " voluntary EEO form.",
      dataKind: .historical, distributionDate: "2024-03-01", rateKind: .selection,
      unknownCounts: [
        .init(dimension: "sex", count: 58), .init(dimension: "race/ethnicity", count: 112),
        .init(dimension: "intersectional", count: 166),
      ],
      categories: categories(hiringSex, dimension: "sex", excluded: [])
        + categories(
          hiringRace, dimension: "race/ethnicity",
          excluded: ["Native Hawaiian or Pacific Islander"])
        + categories(
          hiringIntersections, dimension: "intersectional",
          excluded: [
            "Male × Native Hawaiian or Pacific Islander",
            "Female × Native Hawaiian or Pacific Islander",
          ]))
  }

  static var hiringFindings: [Finding] {
    func ratio(_ counts: [Counts], _ slice: String) -> Double {
      let highest = counts.map(\.rate).max() ?? 1
      return (counts.first { $0.slice == slice }?.rate ?? 0) / highest
    }
    let intersections = hiringIntersections.filter { !$0.slice.contains("Pacific") }
    // The bounds every impact ratio is judged against, and the level of each tested rule.
    return hiringFindingsAsWritten(ratio: ratio, intersections: intersections).map {
      var finding = $0
      if finding.metric == "impact_ratio" { finding.requirementBounds = [0.8] }
      if finding.metric == "adjusted_p_value" { finding.requirementBounds = [0.05] }
      if finding.test != nil { finding.alpha = 0.05 }
      return finding
    }
  }

  private static func hiringFindingsAsWritten(
    ratio: ([Counts], String) -> Double, intersections: [Counts]
  ) -> [Finding] {
    [
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "sex", slice: "Female"), verdict: .pass, severity: .error,
        value: ratio(hiringSex, "Female"), requirement: ">= 0.8",
        interval: interval(0.879, 0.970), pValue: 0.0061, adjustedPValue: 0.0061, test: .z,
        groupSize: 2_092, referenceSize: 2_060, shortfall: 97.6, citations: [ugespCitation],
        message: "Female applicants are selected at 0.910 of the Male rate, above 0.8."),
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "race", slice: "Black or African American"), verdict: .pass,
        severity: .error, value: ratio(hiringRace, "Black or African American"),
        requirement: ">= 0.8", interval: interval(0.774, 0.915), pValue: 0.0009,
        adjustedPValue: 0.0045, test: .z, groupSize: 780, referenceSize: 1_594, shortfall: 63.2,
        citations: [ugespCitation],
        message: "Black or African American applicants are selected at 0.843 of the White rate,"
          + " above 0.8."),
      Finding(
        policy: ugesp, rule: significance, metric: "adjusted_p_value",
        subject: .init(grouping: "race", slice: "Black or African American"), verdict: .fail,
        severity: .warning, qualifier: "possible adverse impact despite the threshold",
        value: 0.0045, requirement: ">= 0.05 while the impact ratio is below 1", pValue: 0.0009,
        adjustedPValue: 0.0045, test: .z,
        testReason: "every expected count is at least 5", groupSize: 780, referenceSize: 1_594,
        shortfall: 63.2, citations: [eeocGuidance],
        message: "The shortfall of 63 selections for Black or African American applicants is"
          + " statistically significant although the impact ratio is above 0.8."),
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "race", slice: "Native American or Alaska Native"),
        verdict: .fail, severity: .error,
        value: ratio(hiringRace, "Native American or Alaska Native"), requirement: ">= 0.8",
        interval: interval(0.532, 0.858), pValue: 0.0031, adjustedPValue: 0.0124, test: .z,
        testReason: "every expected count is at least 5", groupSize: 101, referenceSize: 1_594,
        shortfall: 16.2, citations: [ugespCitation],
        message: "Native American or Alaska Native applicants are selected at 0.690 of the"
          + " White rate, below 0.8."),
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "race", slice: "Asian"), verdict: .pass, severity: .error,
        value: ratio(hiringRace, "Asian"), requirement: ">= 0.8",
        interval: interval(0.802, 0.957), pValue: 0.0120, adjustedPValue: 0.0360, test: .z,
        groupSize: 520, referenceSize: 1_594, shortfall: 32.8, citations: [ugespCitation],
        message: "Asian applicants are selected at 0.878 of the White rate, above 0.8."),
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "race", slice: "Native Hawaiian or Pacific Islander"),
        verdict: .insufficientData, severity: .error, value: nil, requirement: ">= 0.8",
        groupSize: 38, referenceSize: 1_594, citations: [ugespCitation],
        message: "38 applicants are fewer than the minimum group size of 50."),
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "sex × race", slice: "Female × Two or More Races"),
        verdict: .waived, severity: .error,
        value: ratio(intersections, "Female × Two or More Races"), requirement: ">= 0.8",
        interval: interval(0.621, 0.981), pValue: 0.0390, adjustedPValue: 0.2730, test: .z,
        groupSize: 131, referenceSize: 121, shortfall: 13.4, citations: [ugespCitation],
        waiver: .init(
          reason: "Remediation plan REM-112 under way; re-audit booked for Q1 2027",
          approver: "J. Alvarez, Chief People Officer", expires: "2027-03-31", status: .applied),
        message: "Female × Two or More Races applicants are selected at 0.796 of the highest"
          + " rate; the failure is waived until 2027-03-31."),
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(grouping: "sex × race", slice: "Male × Native American or Alaska Native"),
        verdict: .fail, severity: .warning,
        qualifier: "inconclusive: not statistically significant",
        value: ratio(intersections, "Male × Native American or Alaska Native"),
        requirement: ">= 0.8", interval: interval(0.455, 1.012), pValue: 0.0360,
        adjustedPValue: 0.2880, test: .fisher, testReason: "an expected count is below 5",
        groupSize: 49, referenceSize: 121, shortfall: 7.96, citations: [ugespCitation],
        waiver: .init(
          reason: "Pilot cohort only", approver: "R. Chen, HR Analytics", expires: "2026-06-30",
          status: .expired),
        message: "Male × Native American or Alaska Native applicants are selected at 0.684 of"
          + " the highest rate; the waiver expired on 2026-06-30."),
      Finding(
        policy: ugesp, rule: fourFifths, metric: "impact_ratio",
        subject: .init(
          grouping: "sex × race", slice: "Female × Native Hawaiian or Pacific Islander"),
        verdict: .insufficientData, severity: .error, requirement: ">= 0.8", groupSize: 17,
        referenceSize: 121, citations: [ugespCitation],
        message: "17 applicants are fewer than the minimum group size of 50."),
      Finding(
        policy: ll144, rule: .init(id: "impact-ratio-screen", title: "Impact ratio screen"),
        metric: "impact_ratio",
        subject: .init(grouping: "race", slice: "Native American or Alaska Native"),
        verdict: .fail, severity: .info, advisory: true,
        value: ratio(hiringRace, "Native American or Alaska Native"), requirement: ">= 0.8",
        interval: interval(0.532, 0.858), groupSize: 101, citations: [ll144Screen],
        message: "The impact ratio of 0.690 is below the advisory 0.8 screen."),
      Finding(
        policy: ll144, rule: .init(id: "impact-ratio-screen", title: "Impact ratio screen"),
        metric: "impact_ratio", subject: .init(grouping: "sex × race", slice: "Female × Asian"),
        verdict: .fail, severity: .info,
        qualifier: "inconclusive: not statistically significant", advisory: true,
        value: ratio(intersections, "Female × Asian"), requirement: ">= 0.8",
        interval: interval(0.640, 0.941), pValue: 0.0710, adjustedPValue: 0.4260, test: .z,
        groupSize: 258, referenceSize: 121, citations: [ll144Screen],
        message: "The impact ratio of 0.750 is below the advisory 0.8 screen, but the"
          + " difference is not statistically significant."),
      Finding(
        policy: ll144, rule: .init(id: "summary-fields", title: "§ 5-303 summary is complete"),
        metric: "ll144_summary", subject: .init(), verdict: .pass, severity: .error,
        requirement: "every § 5-303 field present", citations: [ll144Summary],
        message: "The summary of results holds every field § 5-303 requires."),
    ]
  }
}
