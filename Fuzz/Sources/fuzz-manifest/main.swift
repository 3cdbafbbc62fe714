import FairAudit
import FuzzDriver

// The audit-manifest reader on any text: every section, with the shipped pack ids known.
runFuzzer { bytes in
  let text = String(decoding: bytes, as: UTF8.self)
  _ = try? AuditManifest.parse(
    text: text, file: "/nonexistent/fairgate.yaml",
    shippedPolicyIDs: [
      "attribution-guardrails", "ecoa-reg-b", "eeoc-four-fifths", "eu-ai-act", "loss-parity",
      "nyc-ll144",
    ])
}
