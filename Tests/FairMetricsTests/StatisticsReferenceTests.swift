import Testing

/// Checks that the reference file is present and complete, so that parameterised suites
/// reading it cannot pass vacuously.
@Suite(.tags(.golden)) struct StatisticsReferenceTests {
  @Test func referenceLoads() throws {
    let reference = try StatisticsReference.shared()
    #expect(reference.meta.scipy == "1.17.1")
    #expect(reference.meta.statsmodels == "0.15.0")
    #expect(reference.meta.sklearn == "1.9.0")
    #expect(reference.fsum.count >= 50)
    #expect(reference.fisher.count >= 100)
    #expect(reference.wilson.count >= 50)
    #expect(reference.zTest.count >= 30)
    #expect(reference.holm.count >= 15)
    #expect(reference.cramersV.count >= 25)
    #expect(reference.nmi.count >= 20)
    #expect(reference.classification.count >= 15)
    #expect(reference.percentile.count >= 30)
    #expect(reference.workedExamples.count == 3)
  }
}
