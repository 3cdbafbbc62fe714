import FairPolicy
import FuzzDriver

// The policy reader on any text: YAML, keys, the comparison grammar, citations, metric names
// against the shipped catalog.
runFuzzer { bytes in
  let text = String(decoding: bytes, as: UTF8.self)
  _ = try? PolicyLoader(catalog: .standard).load(text: text, file: "policy.yaml")
}
