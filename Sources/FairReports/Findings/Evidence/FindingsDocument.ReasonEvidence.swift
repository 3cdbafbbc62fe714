extension FindingsDocument {
  /// The adverse-action reasons behind the reason-code findings: how they were derived, the
  /// distribution of principal reasons by slice, and their stability.
  public struct ReasonEvidence: Codable, Sendable, Equatable {
    /// How often one code is a principal reason in a slice.
    public struct CodeShare: Codable, Sendable, Equatable {
      /// The code.
      public var code: String
      /// Adverse decisions of the slice giving the code.
      public var count: Int
      /// `count` divided by the slice's adverse decisions (NaN when it has none).
      public var share: Double
      /// Adverse decisions of the slice whose first reason is the code.
      public var topCount: Int

      /// Creates a share.
      public init(code: String, count: Int, share: Double, topCount: Int) {
        self.code = code
        self.count = count
        self.share = share
        self.topCount = topCount
      }
    }

    /// One slice's reasons.
    public struct SliceReasons: Codable, Sendable, Equatable {
      /// The slice.
      public var slice: String
      /// Its adverse decisions.
      public var adverse: Int
      /// One entry per code, in the order of ``GroupingReasons/codes``.
      public var codes: [CodeShare]

      /// Creates a slice's reasons.
      public init(slice: String, adverse: Int, codes: [CodeShare]) {
        self.slice = slice
        self.adverse = adverse
        self.codes = codes
      }
    }

    /// One grouping's distribution of reasons.
    public struct GroupingReasons: Codable, Sendable, Equatable {
      /// The grouping.
      public var grouping: String
      /// The codes given, most frequent first.
      public var codes: [String]
      /// The slices.
      public var slices: [SliceReasons]

      /// Creates a grouping's distribution.
      public init(grouping: String, codes: [String], slices: [SliceReasons]) {
        self.grouping = grouping
        self.codes = codes
        self.slices = slices
      }
    }

    /// One reason code of the dictionary.
    public struct Code: Codable, Sendable, Equatable {
      /// The code.
      public var code: String
      /// The statement.
      public var text: String
      /// The features it stands for.
      public var features: [String]
      /// The prohibited basis the table declares for it, if any.
      public var prohibitedBasis: String?

      /// Creates a code.
      public init(code: String, text: String, features: [String], prohibitedBasis: String?) {
        self.code = code
        self.text = text
        self.features = features
        self.prohibitedBasis = prohibitedBasis
      }
    }

    /// One stability measurement.
    public struct Stability: Codable, Sendable, Equatable {
      /// `background-resampling` or `input-perturbation`.
      public var kind: String
      /// Mean share of adverse decisions whose top-K reasons changed.
      public var changedShare: Double
      /// The percentile interval over replicates.
      public var interval: Interval
      /// Replicates.
      public var replicates: Int
      /// The seed.
      public var seed: UInt64
      /// Applicants whose reasons changed in more than `unstable_above` of the replicates.
      public var unstableCount: Int
      /// The change rate above which an applicant is unstable.
      public var unstableAbove: Double

      /// Creates a measurement.
      public init(
        kind: String, changedShare: Double, interval: Interval, replicates: Int, seed: UInt64,
        unstableCount: Int, unstableAbove: Double
      ) {
        self.kind = kind
        self.changedShare = changedShare
        self.interval = interval
        self.replicates = replicates
        self.seed = seed
        self.unstableCount = unstableCount
        self.unstableAbove = unstableAbove
      }
    }

    /// `scorecard` or the attribution method.
    public var source: String
    /// The reference population, in words (comment 9(b)(2)-5).
    public var reference: String
    /// The most reasons per applicant.
    public var top: Int
    /// The reason table's file, if one was given.
    public var table: String?
    /// The reason-code dictionary.
    public var codes: [Code]
    /// Adverse decisions.
    public var adverse: Int
    /// Index *k*: adverse decisions given *k* reasons.
    public var reasonCounts: [Int]
    /// The distribution of principal reasons by slice, per grouping.
    public var groupings: [GroupingReasons]
    /// Stability measurements.
    public var stability: [Stability]

    /// Creates the evidence.
    public init(
      source: String, reference: String, top: Int, table: String?, codes: [Code], adverse: Int,
      reasonCounts: [Int], groupings: [GroupingReasons], stability: [Stability]
    ) {
      self.source = source
      self.reference = reference
      self.top = top
      self.table = table
      self.codes = codes
      self.adverse = adverse
      self.reasonCounts = reasonCounts
      self.groupings = groupings
      self.stability = stability
    }
  }
}
