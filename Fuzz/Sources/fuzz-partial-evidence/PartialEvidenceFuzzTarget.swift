import FairAudit
import FairMetrics
import FuzzDriver

// The partial-evidence reader on any bytes; when it accepts them, what follows too: every
// figure computed from the tallies, the canonical encoding, and a merge with a copy under
// other partition ids (which must give the same figures' shapes, never a trap). The same
// bytes go to the evidence-sample reader, and an accepted sample is merged with a copy.
runFuzzer { bytes in
  let path = writeInput(bytes, suffix: ".json")
  if let sample = try? EvidenceSample.read(contentsOf: path) {
    _ = try? sample.encoded()
    var copy = sample
    copy.partitions = copy.partitions.map { $0 + "#copy" }
    _ = try? EvidenceSample.merge([("a.json", sample), ("b.json", copy)])
  }
  guard let partial = try? PartialEvidence.read(contentsOf: path) else { return }
  _ = try? partial.encoded()
  func exercise(_ evidence: Evidence) {
    _ = try? evidence.groupMetrics()
    _ = try? evidence.attributionSummaries()
    _ = try? evidence.overallAttributionShares()
    _ = try? evidence.proxies()
    _ = try? evidence.lossMetrics()
    _ = try? evidence.lossGapDecompositions()
    _ = try? evidence.counterfactualFlips()
  }
  exercise(Evidence(tallies: partial.evidence, threads: 1))
  var copy = partial
  copy.partitions = copy.partitions.map { partition in
    var renamed = partition
    renamed.id += "#copy"
    return renamed
  }
  if let merged = try? PartialEvidence.merge([("a.json", partial), ("b.json", copy)]) {
    exercise(Evidence(tallies: merged.evidence, threads: 1))
  }
}
