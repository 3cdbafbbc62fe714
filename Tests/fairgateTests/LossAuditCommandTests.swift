import Foundation
import Testing
import _FairTestSupport

/// The loss demo (`fixtures/loss/`) run end to end: two credit models trained on the same rows,
/// one with log-loss and one with a focal custom objective, audited under one declared loss
/// and cost matrix with the `loss-parity` pack, then compared with `fairgate diff`.
@Suite(.serialized) struct LossAuditCommandTests {
  static let root = FixturePaths.repositoryRoot()

  /// Runs one demo audit into a fresh folder and returns its findings document.
  func audit(_ manifest: String) throws -> (status: Int32, folder: String, findings: [String: Any])
  {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-loss")
    let run = try FairGateBinary.run(
      ["audit", manifest, "--format", "json", "--out", folder, "--as-of", "2026-12-04"],
      directory: Self.root)
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/findings.json"))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (run.status, folder, document)
  }

  /// The failing findings of a document, as `rule subject` lines.
  func failures(_ document: [String: Any]) -> Set<String> {
    let findings = document["findings"] as? [[String: Any]] ?? []
    return Set(
      findings.filter { $0["verdict"] as? String == "fail" }.map { finding in
        let rule = (finding["rule"] as? [String: Any])?["id"] as? String ?? "?"
        let subject = finding["subject"] as? [String: Any] ?? [:]
        let grouping = subject["grouping"] as? String ?? ""
        let slice = subject["slice"] as? String ?? ""
        let feature = subject["feature"] as? String
        return "\(rule) \(grouping)=\(slice)" + (feature.map { " \($0)" } ?? "")
      })
  }

  @Test func flagsTheGroupsThatBearTheLossAndTheFeaturesBehindIt() throws {
    let (status, _, document) = try audit("fixtures/loss/audit.yaml")
    #expect(status == 1, "the demo has failing findings")
    let failing = failures(document)
    // Thin-file applicants bear 1.74 times the reference's mean loss (planted), and twice its
    // expected decision cost.
    #expect(failing.contains("loss.ratio thin_file=yes"), "\(failing.sorted())")
    #expect(failing.contains("loss.expected-cost-ratio thin_file=yes"), "\(failing.sorted())")
    let evidence = try #require(document["evidence"] as? [String: Any])
    let losses = try #require(evidence["losses"] as? [[String: Any]])
    let sex = try #require(losses.first { $0["grouping"] as? String == "sex" })
    let female = try #require(
      (sex["slices"] as? [[String: Any]])?.first { $0["slice"] as? String == "female" })
    // The independent computation of fixtures/loss/loss-per-slice.json (weighted log-loss).
    let ratio = try #require(female["loss_ratio"] as? Double)
    #expect(abs(ratio - 1.287044108177712) < 1e-12)
    // The loss-gap decomposition adds up: contributions plus the outcome mix give the gap.
    let gaps = try #require(evidence["loss_gaps"] as? [[String: Any]])
    #expect(!gaps.isEmpty)
    for gap in gaps {
      let total = (gap["contributions"] as? [[String: Any]] ?? []).reduce(0.0) {
        $0 + ($1["contribution"] as? Double ?? .nan)
      }
      let expected = try #require(gap["gap"] as? Double)
      #expect(abs(total - expected) < 1e-12, "\(gap["slice"] ?? "?"): \(total) vs \(expected)")
    }
  }

  @Test func diffShowsWhichGroupsGainedOrLostUnderTheFocalModel() throws {
    let plain = try audit("fixtures/loss/audit.yaml")
    let focal = try audit("fixtures/loss/audit-focal.yaml")
    #expect(focal.status == 1)
    let diff = try FairGateBinary.run(
      ["diff", plain.folder + "/findings.json", focal.folder + "/findings.json"],
      directory: Self.root)
    #expect(diff.status == 0, "\(diff.standardError)")
    // The focal model narrows the thin-file loss ratio below the error threshold.
    #expect(diff.standardOutput.contains("Resolved failures"), "\(diff.standardOutput)")
    #expect(
      diff.standardOutput.contains("loss-parity/loss.ratio  thin_file = yes"),
      "\(diff.standardOutput)")
  }

  /// Malformed expressions, with the 1-based column of the problem inside the expression and
  /// the message; each must stop `fairgate audit` with exit 2 at its place in the manifest.
  static let malformedExpressions: [(String, Int, String)] = [
    ("-(y*lg(p) + c*(1-y)*log(1-p))", 5, "unknown function 'lg'; did you mean 'log'?"),
    ("pp * 2", 1, "unknown variable 'pp'; did you mean 'p'?"),
    ("1 - zzz", 5, "unknown variable 'zzz'"),
    ("softplus(m)", 1, "unknown function 'softplus'"),
    ("log(p + 1", 4, "unmatched '('"),
    ("(p + 1)) * 2", 8, "unmatched ')'"),
    ("y/0", 3, "division by zero"),
    ("p/(c-3)", 3, "division by zero: '(c-3)' is always 0"),
    ("min(p)", 1, "'min' takes 2 arguments, not 1"),
    ("clip(p, 0)", 1, "'clip' takes 3 arguments, not 2"),
    ("log + 1", 1, "'log' is a function; call it as 'log(…)'"),
  ]

  @Test(arguments: malformedExpressions)
  func rejectsAMalformedLossExpressionAtItsLineAndColumn(
    _ expression: String, _ column: Int, _ message: String
  ) throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-loss-bad")
    let path = try DemoManifest.copy(
      "fixtures/loss/audit.yaml", into: folder,
      replacing: [
        (
          "loss:\n  name: weighted_log_loss\n  positive_weight: 1\n  negative_weight: 3\n",
          "loss:\n  name: custom\n  expression: \"\(expression)\"\n  constants: {c: 3}\n"
        )
      ])
    let broken = try String(contentsOfFile: path, encoding: .utf8)
    let run = try FairGateBinary.run(["audit", path], directory: Self.root)
    #expect(run.status == 2)
    #expect(run.standardOutput.isEmpty)
    let line =
      try #require(
        broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
          $0.contains("expression:")
        }) + 1
    // The expression starts after `  expression: "`, at column 16.
    #expect(
      run.standardError.contains("\(path):\(line):\(15 + column): error: \(message)"),
      "\(run.standardError)")
  }

  /// Costs of billions per decision: the slices' sums pass what the bootstrap replicates sum
  /// exactly (the fixed-point conversion trapped), so the loss rules lack data and say why.
  @Test func costsPastTheReplicatesExactRangeLeaveTheLossRulesWithoutData() throws {
    let folder = try FixturePaths.temporaryDirectory(named: "fairgate-loss-huge")
    let path = try DemoManifest.copy(
      "fixtures/loss/audit.yaml", into: folder,
      replacing: [("  false_positive: 5\n", "  false_positive: 5000000000\n")])
    let (status, _, findings) = try audit(path)
    #expect(status == 1)
    let messages = (findings["findings"] as? [[String: Any]] ?? []).compactMap {
      $0["message"] as? String
    }
    #expect(messages.contains { $0.contains("past what the bootstrap replicates sum exactly") })
  }
}
