import Foundation
import Testing
import _FairTestSupport

/// The ECOA pack's reason-code rules, run through `fairgate audit` on the German credit demo.
@Suite struct ReasonsAuditTests {
  static let root = FixturePaths.repositoryRoot()

  /// A German credit manifest using `reasons`, in a temporary folder with `table`.
  private func manifest(reasons: String, table: (name: String, text: String)?) throws -> String {
    let folder = try FixturePaths.temporaryDirectory()
    if let table {
      _ = try FixturePaths.temporaryFile(table.name, contents: table.text, directory: folder)
    }
    return try FixturePaths.temporaryFile(
      "audit.yaml",
      contents: """
        audit: german-credit-reasons
        model:
          file: \(Self.root)/fixtures/german-credit/model.json
        data:
          file: \(Self.root)/fixtures/data/german-credit/german-credit.csv
          id_column: applicant_id
          label: credit_risk
          favourable_label: good
        decision:
          space: probability
          threshold: 0.5
          favourable: above
        protected:
          - name: sex
            column: sex
        \(reasons)
        statistics:
          bootstrap: 0
          seed: 7
        policies: [ecoa-reg-b]

        """, directory: folder)
  }

  /// The failing findings of an audit's JSON, as "rule feature" strings.
  private func failures(_ manifest: String) throws -> (
    status: Int32, failing: [String], html: String
  ) {
    let out = try FixturePaths.temporaryDirectory()
    let result = try FairGateBinary.run(
      [
        "audit", manifest, "--format", "json", "--format", "html", "--out", out, "--as-of",
        "2026-12-03",
      ],
      directory: Self.root)
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/findings.json"))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let findings = try #require(document["findings"] as? [[String: Any]])
    let failing = findings.filter { $0["verdict"] as? String == "fail" }.map { finding in
      let rule = (finding["rule"] as? [String: Any])?["id"] as? String ?? "?"
      let feature = (finding["subject"] as? [String: Any])?["feature"] as? String
      return feature.map { rule + " " + $0 } ?? rule
    }
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    return (result.status, failing, html)
  }

  @Test func aReasonMappedToAProhibitedBasisFailsTheECOAPackNamingTheFeature() throws {
    let path = try manifest(
      reasons: """
        reasons:
          table: reasons.yaml
          stability_replicates: 0
        """,
      table: (
        "reasons.yaml",
        """
        reason_codes:
          - code: RC_CHECKING
            text: Status of existing checking account
            features: [checking_status]
            prohibited_basis: national_origin
          - code: RC_DURATION
            text: Duration of the credit
            features: [duration_months]
        """
      ))
    let (status, failing, html) = try failures(path)
    #expect(status == 1)
    #expect(html.contains("<section id=\"reasons\""))
    #expect(html.contains("Principal reasons by slice: sex"))
    #expect(html.contains("ecoa-reg-b/ecoa.no-prohibited-basis-reason"))
    #expect(failing.contains("ecoa.no-prohibited-basis-reason checking_status"), "\(failing)")
    #expect(!failing.contains("ecoa.no-prohibited-basis-reason duration_months"))
    #expect(!failing.contains("ecoa.reasons-present"))
  }

  @Test func aGenericStatementFailsTheSpecificityRule() throws {
    let path = try manifest(
      reasons: """
        reasons:
          table: reasons.csv
          stability_replicates: 0
        """,
      table: (
        "reasons.csv",
        """
        code,text,features
        RC_X,Does not meet our internal standards,purpose
        """
      ))
    let (_, failing, _) = try failures(path)
    #expect(failing.contains("ecoa.reason-specificity"), "\(failing)")
  }

  @Test func aBadReasonTableInTheManifestIsBadInput() throws {
    let path = try manifest(
      reasons: """
        reasons:
          table: reasons.yaml
        """,
      table: (
        "reasons.yaml",
        """
        reason_codes:
          - code: RC_COLOUR
            text: Colour of the car
            features: [car_colour]
        """
      ))
    let result = try FairGateBinary.run(
      ["audit", path, "--as-of", "2026-12-03"], directory: Self.root)
    #expect(result.status == 2)
    #expect(
      result.standardError.contains("reasons.yaml:4:16: error: unknown feature 'car_colour'"),
      "\(result.standardError)")
  }
}
