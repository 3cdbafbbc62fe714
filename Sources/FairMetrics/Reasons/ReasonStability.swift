import FairAttribution
import FairModels
import _FairSupport

/// How often applicants' principal reasons change when the reference sample or their inputs
/// move a little.
///
/// Each replicate recomputes the reasons of every adverse decision and counts the applicants
/// whose set of top-*K* codes differs from the original. The replicate's figure is the share
/// of adverse decisions that changed; the report gives the mean share with the percentile
/// interval over replicates, and flags an applicant as unstable when its reasons changed in
/// more than ``unstableAbove`` of the replicates. Replicate *r* draws its seed from a
/// SplitMix64 stream started at the request's seed, so the same seed gives the same figures.
///
/// With more than ``defaultSampleSize`` adverse decisions (or the `sampleSize` asked for),
/// the replicates follow a sample of that many, chosen by the seed alone (the rows whose
/// seeded hash is smallest), so that the cost stays bounded on large data: the share is then
/// an estimate for all adverse decisions, with a sampling error of at most about
/// `1/(2·√n)` on top of the interval over replicates, and ``adverseCount`` says how many were
/// followed.
///
/// - Background resampling: the background is redrawn with replacement from the reference
///   population, the same size as the original.
/// - Input perturbation: every numeric input of the applicant moves by `δ·sd·u`, with `sd` the
///   feature's standard deviation over the data and `u` uniform on [−1, 1]; categorical and
///   missing inputs stay. The background is the original one.
public struct ReasonStability: Sendable, Hashable, Codable {
  /// What moves between replicates.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// The background is resampled from the reference population.
    case backgroundResampling = "background-resampling"
    /// The applicant's numeric inputs are perturbed.
    case inputPerturbation = "input-perturbation"
  }

  /// One applicant whose reasons changed in more than ``unstableAbove`` of the replicates.
  public struct UnstableApplicant: Sendable, Hashable, Codable {
    /// The 0-based data row.
    public var row: Int
    /// The share of replicates in which its top-*K* codes changed.
    public var changeRate: Double
  }

  /// What moved.
  public var kind: Kind
  /// How many replicates were run.
  public var replicates: Int
  /// The seed.
  public var seed: UInt64
  /// The relative size δ of input perturbations; `nil` for background resampling.
  public var perturbation: Double?
  /// How many adverse decisions were followed.
  public var adverseCount: Int
  /// Mean over replicates of the share of adverse decisions whose top-*K* codes changed.
  public var changedShare: Double
  /// The percentile interval of the replicates' changed shares.
  public var interval: BootstrapInterval
  /// The change rate above which an applicant is unstable.
  public var unstableAbove: Double
  /// The unstable applicants, in data order.
  public var unstable: [UnstableApplicant]

  /// The default number of replicates.
  public static let defaultReplicates = 20
  /// The default largest number of adverse decisions followed.
  public static let defaultSampleSize = 1_000
  /// The default relative perturbation δ.
  public static let defaultPerturbation = 0.05
  /// The default change rate above which an applicant is unstable.
  public static let defaultUnstableAbove = 0.2

  /// Measures stability under background resampling.
  ///
  /// - Parameters:
  ///   - derivation: The original reasons.
  ///   - replicates: How many resampled backgrounds; at least 2.
  ///   - seed: The seed of the replicate stream.
  ///   - unstableAbove: The change rate above which an applicant is unstable.
  /// - Throws: Whatever attribution throws.
  /// - Complexity: `replicates` attributions of at most `sampleSize` adverse decisions.
  public static func backgroundResampling(
    _ derivation: ReasonDerivation, replicates: Int = defaultReplicates, seed: UInt64,
    unstableAbove: Double = defaultUnstableAbove, sampleSize: Int = defaultSampleSize
  ) throws -> ReasonStability {
    let population = derivation.population
    let size = derivation.background.rowCount
    return try measure(
      derivation, kind: .backgroundResampling, replicates: replicates, seed: seed,
      perturbation: nil, unstableAbove: unstableAbove, sampleSize: sampleSize
    ) { generator, rows in
      let drawn = (0..<size).map { _ in generator.nextInt(below: population.rowCount) }
      return (rows, population.rows(drawn))
    }
  }

  /// Measures stability under small perturbations of the applicants' numeric inputs.
  ///
  /// - Parameters:
  ///   - derivation: The original reasons.
  ///   - replicates: How many perturbations; at least 2.
  ///   - perturbation: The relative size δ; positive.
  ///   - seed: The seed of the replicate stream.
  ///   - unstableAbove: The change rate above which an applicant is unstable.
  /// - Throws: Whatever attribution throws.
  /// - Complexity: `replicates` attributions of at most `sampleSize` adverse decisions.
  public static func inputPerturbation(
    _ derivation: ReasonDerivation, replicates: Int = defaultReplicates,
    perturbation: Double = defaultPerturbation, seed: UInt64,
    unstableAbove: Double = defaultUnstableAbove, sampleSize: Int = defaultSampleSize
  ) throws -> ReasonStability {
    let matrix = derivation.matrix
    let spread: [Double?] = derivation.model.features.indices.map { feature in
      guard case .numeric = derivation.model.features[feature].kind else { return nil }
      var sum = 0.0
      var squares = 0.0
      var count = 0.0
      for row in 0..<matrix.rowCount where !matrix[row, feature].isNaN {
        sum += matrix[row, feature]
        squares += matrix[row, feature] * matrix[row, feature]
        count += 1
      }
      guard count > 1 else { return nil }
      let mean = sum / count
      return (max(0, squares / count - mean * mean) * count / (count - 1)).squareRoot()
    }
    return try measure(
      derivation, kind: .inputPerturbation, replicates: replicates, seed: seed,
      perturbation: perturbation, unstableAbove: unstableAbove, sampleSize: sampleSize
    ) { generator, rows in
      var moved = rows
      for row in 0..<moved.rowCount {
        for (feature, sd) in spread.enumerated() {
          guard let sd else { continue }
          let index = row * moved.featureCount + feature
          let u = 2 * generator.nextDouble() - 1
          if !moved.values[index].isNaN { moved.values[index] += perturbation * sd * u }
        }
      }
      return (moved, nil)
    }
  }

  /// Runs the replicates: `vary` gives each one's rows, and its background when that moves
  /// (`nil` keeps the derivation's, and its explainer).
  ///
  /// Replicates run in parallel, one thread each; replicate *r*'s seed is the *r*-th of the
  /// stream, drawn before any runs, so the figures do not depend on the thread count.
  private static func measure(
    _ derivation: ReasonDerivation, kind: Kind, replicates: Int, seed: UInt64,
    perturbation: Double?, unstableAbove: Double, sampleSize: Int,
    vary: @Sendable (inout SplitMix64, FeatureMatrix) -> (FeatureMatrix, FeatureMatrix?)
  ) throws -> ReasonStability {
    precondition(replicates >= 2, "'replicates' must be at least 2, not \(replicates)")
    precondition(sampleSize >= 1, "'sampleSize' must be at least 1, not \(sampleSize)")
    var adverse = derivation.applicants.filter(\.isAdverse)
    if adverse.count > sampleSize {
      // The rows whose seeded hash is smallest, back in data order.
      let chosen = adverse.indices
        .sorted {
          SplitMix64.derivedSeed(seed, UInt64(adverse[$0].row))
            < SplitMix64.derivedSeed(seed, UInt64(adverse[$1].row))
        }
        .prefix(sampleSize).sorted()
      adverse = chosen.map { adverse[$0] }
    }
    let followed = adverse
    let rows = derivation.matrix.rows(adverse.map(\.row))
    var stream = SplitMix64(seed: seed)
    let seeds = (0..<replicates).map { _ in stream.next() }
    let changedRows = try ParallelChunks.map(
      count: adverse.isEmpty ? 0 : replicates, threads: derivation.request.threads
    ) { replicate throws -> [Bool] in
      var generator = SplitMix64(seed: seeds[replicate])
      let (varied, background) = vary(&generator, rows)
      let plan =
        try background.map {
          try ReasonDerivation.plan(
            model: derivation.model, background: $0, method: derivation.method,
            request: derivation.request, threads: 1)
        } ?? derivation.plan
      let attributions = try ReasonDerivation.attribute(
        model: derivation.model, rows: varied, margins: nil, plan: plan,
        request: derivation.request, seed: generator.next(), threads: 1,
        needsPredictions: false)
      return followed.indices.map { index in
        let codes = derivation.ranking.candidates(attributions.row(index))
          .prefix(derivation.request.top).map(\.code)
        return Set(codes) != Set(followed[index].codes)
      }
    }
    var changes = [Int](repeating: 0, count: adverse.count)
    var shares: [Double] = []
    for replicate in 0..<replicates {
      guard replicate < changedRows.count else {
        shares.append(0)
        continue
      }
      var changed = 0
      for (index, moved) in changedRows[replicate].enumerated() where moved {
        changed += 1
        changes[index] += 1
      }
      shares.append(Double(changed) / Double(adverse.count))
    }
    let unstable = adverse.indices.compactMap { index -> UnstableApplicant? in
      let rate = Double(changes[index]) / Double(replicates)
      return rate > unstableAbove
        ? UnstableApplicant(row: adverse[index].row, changeRate: rate) : nil
    }
    return ReasonStability(
      kind: kind, replicates: replicates, seed: seed, perturbation: perturbation,
      adverseCount: adverse.count, changedShare: shares.reduce(0, +) / Double(replicates),
      interval: BootstrapInterval(replicates: shares), unstableAbove: unstableAbove,
      unstable: unstable)
  }
}
