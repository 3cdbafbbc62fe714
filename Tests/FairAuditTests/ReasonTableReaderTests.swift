import FairAudit
import FairMetrics
import Testing
import _FairSupport
import _FairTestSupport

@Suite struct ReasonTableReaderTests {
  static let reader = ReasonTableReader(featureNames: ["age", "income", "zip", "tenure"])

  private func problems(_ text: String, file: String) -> [String] {
    do {
      _ = try Self.reader.parse(text, file: file)
      return []
    } catch let error as ReasonTableError {
      return error.diagnostics.map { $0.description }
    } catch {
      return ["\(error)"]
    }
  }

  @Test func readsACSVTableWithGroups() throws {
    let table = try Self.reader.parse(
      """
      code,text,features,prohibited_basis
      RC1,"Income, verified",income,
      RC2,Length of time at address,tenure;zip,
      """, file: "codes.csv")
    #expect(table.codes.map(\.code) == ["RC1", "RC2"])
    #expect(table.codes[0].text == "Income, verified")
    #expect(table.codes[1].features == ["tenure", "zip"])
    let resolved = table.resolved(featureNames: ["age", "income", "zip", "tenure"])
    #expect(resolved.map(\.reason.code) == ["age", "RC1", "RC2"])
    #expect(resolved[0].reason.isDeclared == false)
  }

  @Test func csvProblemsNameTheLineAndColumn() {
    #expect(
      problems(
        """
        code,text,features
        RC1,Income,income
        RC1,Tenure,tenure
        RC3,Zip code,zipcode
        RC4,Income again,income
        RC5,,age
        """, file: "codes.csv") == [
          "codes.csv:3: error: column 1 'code': duplicate reason code 'RC1'",
          "codes.csv:4: error: column 3 'features': unknown feature 'zipcode'; the model has no "
            + "such input",
          "codes.csv:5: error: column 3 'features': feature 'income' already belongs to reason "
            + "code 'RC1'; a feature has one code",
          "codes.csv:6: error: column 2 'text': the reason text is empty",
        ])
    #expect(
      problems("code,text\nRC1,Income\n", file: "codes.csv") == [
        "codes.csv:1: error: the header has no column 'features'; expected 'code,text,features' "
          + "and optionally 'prohibited_basis'"
      ])
  }

  @Test func yamlProblemsNameLineAndColumn() {
    #expect(
      problems(
        """
        version: "model 3.1"
        reason_codes:
          - code: RC1
            text: Income
            features: [income, incomes]
          - code: RC2
            txt: Tenure
            features: tenure
        """, file: "codes.yaml") == [
          "codes.yaml:5:24: error: unknown feature 'incomes'; the model has no such input",
          "codes.yaml:6:5: error: missing required key 'text' in a reason code",
          "codes.yaml:7:5: error: unknown key 'txt' in a reason code",
        ])
  }
}
