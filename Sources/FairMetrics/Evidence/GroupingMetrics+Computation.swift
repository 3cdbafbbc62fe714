import _FairSupport

/// What the group metrics of a grouping are compared against and how.
package struct ComparisonSettings: Sendable, Hashable {
  /// The declared reference slice, or `nil` for the most favoured.
  package var reference: String?
  /// Slices whose share of the data is below this are left out of comparisons.
  package var minimumShare: Double
  /// One minus the confidence level.
  package var alpha: Double
  /// How significance tests are chosen.
  package var test: SignificanceTest.Method
}

extension GroupingMetrics {
  /// Computes a grouping's metrics from its tally.
  ///
  /// - Parameters:
  ///   - layout: The grouping's slices.
  ///   - tally: Its merged tally.
  ///   - shape: Whether the rows have scores and true outcomes, and how scores are read.
  ///   - median: The full sample's median score and the share tied at it.
  ///   - settings: The reference, minimum share, confidence level and test.
  /// - Throws: ``MetricsError`` when the declared reference is not a slice, or no slice is
  ///   left to compare.
  /// - Complexity: O(*s*·*B* + *v*) for *s* slices, *B* replicates and *v* distinct scores.
  package init(
    layout membership: SliceLayout, tally: GroupingTally, shape: EvidenceTallies.RowShape,
    median: (value: Double, tiedShare: Double)?, settings: ComparisonSettings
  ) throws {
    let names = membership.sliceNames
    let total = Double(membership.rowCount)
    let weights = tally.slices.map(\.weight.value)
    let shares = weights.map { $0 / total }
    let excluded = shares.map { $0 < settings.minimumShare }
    let selectionRates = tally.slices.map {
      Rate(numerator: $0.selected.value, denominator: $0.weight.value)
    }
    let compared = names.indices.filter { !excluded[$0] && selectionRates[$0].isComputable }
    guard let favoured = compared.max(by: { selectionRates[$0].value < selectionRates[$1].value })
    else {
      throw MetricsError(
        subject: "grouping '\(membership.grouping.name)'",
        message: "no slice has rows to compare"
          + (membership.unknownRowCount > 0
            ? " (\(membership.unknownRowCount) rows have an unknown value)" : ""))
    }
    // The most favoured slice: the highest rate, the first such in report order on ties.
    let mostFavoured =
      compared.first { selectionRates[$0].value == selectionRates[favoured].value }
      ?? favoured
    let reference: Int
    if let declared = settings.reference {
      guard let index = names.firstIndex(of: declared) else {
        var message = "the reference group '\(declared)' is not among its groups"
        if let near = closestMatch(to: declared, among: names) {
          message += "; did you mean '\(near)'?"
        }
        throw MetricsError(subject: "grouping '\(membership.grouping.name)'", message: message)
      }
      reference = index
    } else {
      reference = mostFavoured
    }
    let hasOutcomes = shape.hasOutcomes
    let hasScores = shape.hasScores
    let isProbability = shape.scoreScale == .probability
    let replicates = tally.replicates.replicateCount
    let alpha = settings.alpha

    func statistic(_ slice: Int, _ statistic: ReplicateTally.Statistic) -> [Double] {
      (0..<replicates).map {
        tally.replicates.value(slice: slice, statistic: statistic.rawValue, replicate: $0)
      }
    }
    func ratios(_ numerator: ReplicateTally.Statistic, _ denominator: ReplicateTally.Statistic)
      -> [[Double]]
    {
      names.indices.map { slice in
        zip(statistic(slice, numerator), statistic(slice, denominator)).map {
          $1 > 0 ? $0 / $1 : .nan
        }
      }
    }
    let replicateRates = replicates > 0 ? ratios(.selected, .weight) : []
    let replicateTPR = replicates > 0 && hasOutcomes ? ratios(.truePositives, .positives) : []
    let replicateFPR: [[Double]] =
      replicates > 0 && hasOutcomes
      ? names.indices.map { slice in
        let falsePositives = statistic(slice, .falsePositives)
        let negatives = zip(statistic(slice, .weight), statistic(slice, .positives)).map { $0 - $1 }
        return zip(falsePositives, negatives).map { $1 > 0 ? $0 / $1 : .nan }
      } : []
    func interval(_ values: [Double]) -> ConfidenceInterval? {
      replicates > 0 ? ConfidenceInterval(bootstrap: values, alpha: alpha) : nil
    }
    /// Per replicate, the maximum of `values[slice][b]` over compared slices.
    func replicateMaximum(_ values: [[Double]]) -> [Double] {
      (0..<replicates).map { b in compared.map { values[$0][b] }.filter { !$0.isNaN }.max() ?? .nan
      }
    }
    func replicateMinimum(_ values: [[Double]]) -> [Double] {
      (0..<replicates).map { b in compared.map { values[$0][b] }.filter { !$0.isNaN }.min() ?? .nan
      }
    }

    // Tests against the most favoured slice and the reference, Holm-adjusted per family.
    func comparisons(against comparison: Int) -> [SliceComparison?] {
      let tests: [SignificanceTest?] = names.indices.map { slice in
        guard slice != comparison, compared.contains(slice) else { return nil }
        return SignificanceTest(
          reference: selectionRates[comparison], focal: selectionRates[slice],
          method: settings.test)
      }
      let family = tests.compactMap { $0?.pValue }
      let adjusted = HolmAdjustment.adjustedPValues(family)
      var position = 0
      return tests.map { test in
        guard let test else { return nil }
        defer { position += 1 }
        return SliceComparison(
          against: names[comparison], test: test, adjustedPValue: adjusted[position])
      }
    }
    let versusFavoured = comparisons(against: mostFavoured)
    let versusReference = comparisons(against: reference)

    let scoringCounts: [Rate]? = median.flatMap { median in
      tally.scores.isEmpty
        ? nil
        : zip(tally.scores, tally.slices).map {
          Rate(numerator: $0.weight(above: median.value), denominator: $1.weight.value)
        }
    }
    let scoringRates = scoringCounts?.map(\.value)
    // The compared slice of the highest scoring rate (the first on ties), if any has one.
    let highestScoring = scoringRates.flatMap { rates in
      compared.filter { !rates[$0].isNaN }.max { rates[$0] < rates[$1] }
    }
    let referenceRate = selectionRates[reference].value
    let maximumRates = replicateMaximum(replicateRates)

    var slices: [SliceMetrics] = []
    for index in names.indices {
      let slice = tally.slices[index]
      let rate = selectionRates[index]
      let weight = slice.weight.value
      var metrics = SliceMetrics(
        slice: names[index], rows: slice.rows, weight: weight, share: shares[index],
        isExcluded: excluded[index], selected: slice.selected.value,
        selectionRate: rate.value,
        selectionRateInterval: ConfidenceInterval(WilsonInterval(rate, alpha: alpha)),
        scoringRate: scoringRates?[index],
        scoringImpactRatio: scoringCounts.map { counts in
          highestScoring.map { counts[index].ratio(to: counts[$0]) } ?? .nan
        },
        impactRatio: rate.ratio(to: selectionRates[mostFavoured]),
        impactRatioInterval: replicates > 0
          ? interval((0..<replicates).map { replicateRates[index][$0] / maximumRates[$0] }) : nil,
        impactRatioToReference: rate.ratio(to: selectionRates[reference]),
        impactRatioToReferenceInterval: replicates > 0
          ? interval(
            (0..<replicates).map { replicateRates[index][$0] / replicateRates[reference][$0] })
          : nil,
        selectionRateDifference: rate.value - referenceRate,
        selectionRateDifferenceInterval: replicates > 0
          ? interval(
            (0..<replicates).map { replicateRates[index][$0] - replicateRates[reference][$0] })
          : nil,
        comparedWithMostFavoured: versusFavoured[index],
        comparedWithReference: versusReference[index])
      if hasScores { metrics.meanScore = slice.scoreSum.value / weight }
      if hasOutcomes {
        let positives = slice.positives.value
        let negatives = weight - positives
        let truePositives = slice.truePositives.value
        let falsePositives = slice.falsePositives.value
        let tpr = truePositives / positives
        let fpr = falsePositives / negatives
        metrics.baseRate = positives / weight
        metrics.truePositiveRate = tpr
        metrics.falsePositiveRate = fpr
        metrics.falseNegativeRate = (positives - truePositives) / positives
        metrics.trueNegativeRate = (negatives - falsePositives) / negatives
        metrics.precision = truePositives / (truePositives + falsePositives)
        let referenceSlice = tally.slices[reference]
        let referencePositives = referenceSlice.positives.value
        let referenceTPR = referenceSlice.truePositives.value / referencePositives
        let referenceFPR =
          referenceSlice.falsePositives.value / (referenceSlice.weight.value - referencePositives)
        metrics.truePositiveRateDifference = tpr - referenceTPR
        metrics.falsePositiveRateDifference = fpr - referenceFPR
        if replicates > 0 {
          metrics.truePositiveRateDifferenceInterval = interval(
            (0..<replicates).map { replicateTPR[index][$0] - replicateTPR[reference][$0] })
          metrics.falsePositiveRateDifferenceInterval = interval(
            (0..<replicates).map { replicateFPR[index][$0] - replicateFPR[reference][$0] })
        }
        if !tally.scores.isEmpty {
          metrics.auc = tally.scores[index].auc
          if isProbability {
            metrics.logLoss = slice.logLoss.value
            metrics.brierScore = slice.brier.value
            let bins = GroupingMetrics.calibration(slice)
            metrics.calibration = bins
            metrics.expectedCalibrationError = bins.reduce(0.0) { sum, bin in
              bin.weight > 0
                ? sum + bin.weight / weight * abs(bin.meanScore - bin.observedRate) : sum
            }
          }
        }
      }
      slices.append(metrics)
    }

    let comparedRates = compared.map { selectionRates[$0].value }
    let highest = comparedRates.max() ?? .nan
    let lowest = comparedRates.min() ?? .nan
    self.grouping = membership.grouping.name
    self.attributes = membership.grouping.attributes
    self.reference = names[reference]
    self.referenceIsDeclared = settings.reference != nil
    self.mostFavoured = names[mostFavoured]
    self.slices = slices
    self.unknownCount = membership.unknownRowCount
    self.unknownShare = Double(membership.unknownRowCount) / total
    self.excludedSliceCount = excluded.filter { $0 }.count
    self.minimumSliceShare = shares.min() ?? .nan
    self.isWeighted = membership.isWeighted
    self.medianScore = median?.value
    self.tiedAtMedianShare = median?.tiedShare
    self.demographicParityDifference = highest - lowest
    self.demographicParityRatio = lowest / highest
    if replicates > 0 {
      let maximum = replicateMaximum(replicateRates)
      let minimum = replicateMinimum(replicateRates)
      demographicParityDifferenceInterval = interval(zip(maximum, minimum).map { $0 - $1 })
      demographicParityRatioInterval = interval(zip(maximum, minimum).map { $1 / $0 })
    }
    if hasOutcomes {
      let tprs = compared.compactMap { slices[$0].truePositiveRate }.filter { !$0.isNaN }
      let fprs = compared.compactMap { slices[$0].falsePositiveRate }.filter { !$0.isNaN }
      let tprSpread = (tprs.max() ?? .nan) - (tprs.min() ?? .nan)
      let fprSpread = (fprs.max() ?? .nan) - (fprs.min() ?? .nan)
      equalOpportunityDifference = tprSpread
      equalizedOddsDifference =
        tprSpread.isNaN || fprSpread.isNaN ? .nan : max(tprSpread, fprSpread)
      if replicates > 0 {
        let tprWidth = zip(replicateMaximum(replicateTPR), replicateMinimum(replicateTPR)).map {
          $0 - $1
        }
        let fprWidth = zip(replicateMaximum(replicateFPR), replicateMinimum(replicateFPR)).map {
          $0 - $1
        }
        equalOpportunityDifferenceInterval = interval(tprWidth)
        equalizedOddsDifferenceInterval = interval(
          zip(tprWidth, fprWidth).map { $0.isNaN || $1.isNaN ? .nan : max($0, $1) })
      }
    }
  }

  /// The calibration table of a slice.
  private static func calibration(_ slice: SliceTally) -> [CalibrationBin] {
    (0..<SliceTally.binCount).map { bin in
      let weight = slice.calibrationWeight[bin].value
      return CalibrationBin(
        lower: Double(bin) / Double(SliceTally.binCount),
        upper: Double(bin + 1) / Double(SliceTally.binCount), weight: weight,
        meanScore: weight > 0 ? slice.calibrationScore[bin].value / weight : .nan,
        observedRate: weight > 0 ? slice.calibrationPositives[bin].value / weight : .nan)
    }
  }
}
