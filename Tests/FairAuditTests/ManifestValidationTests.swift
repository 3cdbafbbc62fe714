import FairAudit
import FairTabular
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of checking a manifest against the data it names.
@Suite struct ManifestValidationTests {
  /// The diagnostics of validating `marked` against the fixture data.
  func diagnostics(_ marked: MarkedText) throws -> [Diagnostic] {
    try ManifestFixtures.validationDiagnostics(marked.text)
  }

  @Test func reportsAProtectedColumnNotInTheData() throws {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - {name: sex, column: 1️⃣sexx}
          - {name: race, probabilities: {White: p_white, Black: 2️⃣p_blak}}
        """)
    expect(
      try diagnostics(marked),
      match: [
        Expected(
          "1️⃣", "the protected attribute column 'sexx' is not a column of 'hiring.csv'",
          notes: ["did you mean 'sex'?"]),
        Expected(
          "2️⃣", "the protected attribute column 'p_blak' is not a column of 'hiring.csv'",
          notes: ["did you mean 'p_black'?"]),
      ], in: marked, file: ManifestFixtures.manifestPath)
  }

  @Test func rendersAValidationErrorWithTheManifestLineAndCaret() throws {
    let manifest = try ManifestFixtures.parse(
      Part.allButProtected + """
        protected:
          - {name: sex, column: sexx}
        """)
    let dataset = try CSVReader(options: manifest.data.csvOptions)
      .read(contentsOf: manifest.data.path)
    let error = #expect(throws: ManifestError.self) { try manifest.validate(against: dataset) }
    let path = ManifestFixtures.manifestPath
    #expect(
      error?.description == """
        \(path):6:25: error: the protected attribute column 'sexx' is not a column of \
        'hiring.csv'
              - {name: sex, column: sexx}
                                    ^
        \(path):6:25: note: did you mean 'sex'?
        """)
  }

  @Test func reportsAReferenceGroupThatDoesNotExist() throws {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: sex
            column: sex
            reference: 1️⃣Mael
          - name: zone
            column: commute_zone
            reference: 2️⃣central
          - name: sex_known
            column: sex
            unknown: [declined]
            reference: 3️⃣declined
        """)
    expect(
      try diagnostics(marked),
      match: [
        Expected(
          "1️⃣", "the reference group 'Mael' is not a value of column 'sex'",
          notes: ["did you mean 'Male'?"]),
        Expected(
          "2️⃣", "the reference group 'central' is not a value of column 'commute_zone'",
          notes: ["its values are 'east', 'north', 'south', 'west'"]),
        Expected(
          "3️⃣", "the reference group 'declined' is not a value of column 'sex'",
          notes: ["its values are 'Female', 'Male'"]),
      ], in: marked, file: ManifestFixtures.manifestPath)
  }

  @Test func reportsNonNumericBinAndProbabilityColumns() throws {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: sex_band
            column: 1️⃣sex
            bins: [0, 1]
          - name: race
            probabilities: {White: 2️⃣race, Black: p_black}
          - name: self_id
            column: 3️⃣gender_self_id
        """)
    expect(
      try diagnostics(marked),
      match: [
        Expected("1️⃣", "the binned column 'sex' must hold numbers, but it holds text"),
        Expected("2️⃣", "the probability column 'race' must hold numbers, but it holds text"),
        Expected(
          "3️⃣",
          "the protected attribute column 'gender_self_id' has no values: all 10 rows are missing"
        ),
      ], in: marked, file: ManifestFixtures.manifestPath)
  }

  @Test func reportsALabelValueThatIsMissing() throws {
    let marked = MarkedText(
      Part.audit + Part.scores + Part.policies + Part.protected + """
        data:
          file: hiring.csv
          label: qualified
          favourable_label: 1️⃣"Yes"
        """)
    expect(
      try diagnostics(marked),
      match: [
        Expected(
          "1️⃣", "the favourable value 'Yes' is not a value of column 'qualified'",
          notes: ["did you mean 'yes'?"])
      ], in: marked, file: ManifestFixtures.manifestPath)
  }

  @Test func reportsOutcomeColumnProblems() throws {
    let marked = MarkedText(
      Part.audit + Part.policies + Part.protected + """
        data:
          file: hiring.csv
          label: 1️⃣qualified
          id_column: 2️⃣batch
        scores:
          score_column: 3️⃣commute_zone
          decision_column: 4️⃣years_experience
        """)
    expect(
      try diagnostics(marked),
      match: [
        Expected(
          "1️⃣",
          "the label column 'qualified' holds text ('yes', 'no'); say which value is favourable "
            + "with 'favourable_label'"),
        Expected(
          "2️⃣",
          "the id column 'batch' is not unique: '1' appears in data rows 0 and 1 (0-based)"),
        Expected("3️⃣", "the score column 'commute_zone' must hold numbers, but it holds text"),
        Expected(
          "4️⃣", "the decision column 'years_experience' must hold 0 and 1 or text labels, found 2"
        ),
      ], in: marked, file: ManifestFixtures.manifestPath)
  }

  @Test func reportsOtherNamedColumnsNotInTheData() throws {
    let marked = MarkedText(
      Part.audit + Part.policies + Part.protected + """
        data:
          file: hiring.csv
          column_types: {1️⃣zip_code: categorical}
        model:
          command: "python score.py"
          features: [years_experience, 2️⃣purpose_cars]
        decision: {threshold: 0.5}
        feature_groups:
          purpose: [purpose_car, 3️⃣purpose_furnitur]
        proxies:
          declared: [4️⃣commute]
        """)
    expect(
      try diagnostics(marked),
      match: [
        Expected("1️⃣", "the column type 'zip_code' is not a column of 'hiring.csv'"),
        Expected(
          "2️⃣", "the model feature 'purpose_cars' is not a column of 'hiring.csv'",
          notes: ["did you mean 'purpose_car'?"]),
        Expected(
          "3️⃣", "the feature group member 'purpose_furnitur' is not a column of 'hiring.csv'",
          notes: ["did you mean 'purpose_furniture'?"]),
        Expected(
          "4️⃣", "the declared proxy 'commute' is not a column of 'hiring.csv'",
          notes: ["did you mean 'commute_zone'?"]),
      ], in: marked, file: ManifestFixtures.manifestPath)
  }

  @Test func acceptsANumericLabelAndWarnsAboutManyValues() throws {
    let numbers = (0..<30).map { Double($0) }
    let dataset = Dataset(columns: [
      .numeric(NumericColumn(name: "age", values: numbers)),
      .numeric(NumericColumn(name: "hired", values: numbers.map { $0 < 15 ? 1 : 0 })),
      .categorical(
        CategoricalColumn(
          name: "grade", codes: numbers.map { Int32($0) % 3 }, levels: ["a", "b", "c"])),
      .categorical(
        CategoricalColumn(
          name: "vendor_selected", codes: numbers.map { Int32($0) % 2 }, levels: ["yes", "no"])),
    ])
    let marked = MarkedText(
      Part.audit + Part.scores + Part.policies + """
        data: {file: hiring.csv, label: hired, favourable_label: "1"}
        protected:
          - {name: age, column: 1️⃣age}
        """)
    let manifest = try ManifestFixtures.parse(marked.text)
    expect(
      try manifest.validate(against: dataset),
      match: [
        Expected(
          "1️⃣",
          "column 'age' holds 30 distinct numbers, each a group of its own; cut it into 'bins'",
          severity: .warning)
      ], in: marked, file: ManifestFixtures.manifestPath)
  }
}
