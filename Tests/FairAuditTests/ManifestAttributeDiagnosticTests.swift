import FairAudit
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of `protected:` and `intersections:`.
@Suite struct ManifestAttributeDiagnosticTests {
  @Test func rejectsBinsThatOverlap() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: age_band
            column: age
            bins: [18, 25, 40, 1️⃣35, 62, .inf]
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "bins overlap: edge 35 is not above the edge before it, 40; edges must be strictly "
            + "increasing")
      ])
  }

  @Test func rejectsInfinityBeforeTheLastEdgeAndTooFewEdges() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: age_band
            column: age
            bins: [18, 1️⃣.inf, 62]
          - name: tenure
            column: years_experience
            bins: 2️⃣[5]
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "'.inf' can only be the last bin edge"),
        Expected("2️⃣", "expected at least 2 bin edges, found 1"),
      ])
  }

  @Test func rejectsALabelCountThatDoesNotMatchTheBins() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: age_band
            column: age
            bins: [18, 25, 35, 50, 62, .inf]
            labels: 1️⃣["18-24", "25-34", "35-49", "50+"]
        """)
    expectManifest(
      marked, diagnoses: [Expected("1️⃣", "expected 5 labels for 6 bin edges, found 4")])
  }

  @Test func rejectsAReferenceThatIsNotABin() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: age_band
            column: age
            bins: [18, 40, .inf]
            labels: [under-40, 40-and-over]
            reference: 1️⃣under_40
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "the reference group 'under_40' is not a group of attribute 'age_band'",
          notes: ["did you mean 'under-40'?"])
      ])
  }

  @Test func rejectsADuplicateAttributeName() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: 1️⃣sex
            column: sex
          - name: 2️⃣sex
            column: gender_self_id
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "2️⃣", "duplicate protected attribute 'sex'",
          notes: ["'sex' first appears here"])
      ])
  }

  @Test func rejectsAnAttributeWithoutASourceOrWithTwo() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - 1️⃣name: sex
          - name: race
            column: race
            2️⃣probabilities: {White: p_white, Black: p_black}
          - name: age
            column: age
            3️⃣assignment_threshold: 0.9
          - name: zone
            column: commute_zone
            4️⃣labels: [a, b]
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "missing 'column' or 'probabilities' in a protected attribute"),
        Expected(
          "2️⃣", "a protected attribute reads either a 'column' or 'probabilities', not both"),
        Expected(
          "3️⃣", "'assignment_threshold' applies only to an attribute given as 'probabilities'"),
        Expected("4️⃣", "'labels' names bins; give 'bins' too"),
      ])
  }

  @Test func checksMembershipProbabilities() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - name: race
            probabilities: 1️⃣{White: p_white}
          - name: ethnicity
            probabilities: {White: p_white, Black: p_black}
            assignment_threshold: 2️⃣0
            reference: 3️⃣Asian
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "expected at least 2 groups with membership probability columns, found 1"),
        Expected("2️⃣", "expected an assignment threshold above 0 and at most 1, found 0"),
        Expected(
          "3️⃣", "the reference group 'Asian' is not a group of attribute 'ethnicity'",
          notes: ["its groups are 'White', 'Black'"]),
      ])
  }

  @Test func rejectsAnEmptyProtectedList() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected: 1️⃣[]
        """)
    expectManifest(
      marked,
      diagnoses: [Expected("1️⃣", "expected at least one protected attribute, found an empty list")])
  }

  @Test func rejectsAnIntersectionOfAnUndeclaredAttribute() {
    let marked = MarkedText(
      Part.all + """
          - {name: race, column: race}
        intersections:
          - [sex, 1️⃣rcae]
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "'rcae' is not a declared protected attribute", notes: ["did you mean 'race'?"])
      ])
  }

  @Test func rejectsAnIntersectionOfOneAttributeAndRepeats() {
    let marked = MarkedText(
      Part.all + """
          - {name: race, column: race}
        intersections:
          - 1️⃣[sex]
          - [sex, 2️⃣sex]
          - 3️⃣[sex, race]
          - 4️⃣[race, sex]
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "an intersection crosses at least 2 attributes, found only 'sex'"),
        Expected("2️⃣", "'sex' appears twice in one intersection"),
        Expected(
          "4️⃣", "duplicate intersection 'race x sex'",
          notes: ["'race x sex' first appears here"]),
      ])
    let note = ManifestFixtures.diagnostics(marked.text).last?.notes.first
    #expect(note.map { "\($0.line ?? 0):\($0.column ?? 0)" } == marked.location("3️⃣"))
  }
}
