import _FairSupport

extension LossFunction {
  /// The names ``init(named:parameters:)`` accepts, in the order a message lists them.
  public static let builtInNames = [
    "log_loss", "brier", "squared_error", "absolute_error", "hinge", "weighted_log_loss", "focal",
  ]

  /// Creates a built-in loss from its name and parameters, as a manifest gives them.
  ///
  /// `weighted_log_loss` needs `positive_weight` and `negative_weight` (finite, not
  /// negative); `focal` needs `gamma` (finite, not negative) and takes an optional `alpha`
  /// in `[0, 1]`; the others take none. A custom loss is built from its expression with
  /// ``custom(_:)`` instead.
  ///
  /// ```swift
  /// let loss = try LossFunction(named: "focal", parameters: ["gamma": 2])
  /// ```
  ///
  /// - Parameters:
  ///   - name: The loss's name, such as `focal`.
  ///   - parameters: Its parameters by name.
  /// - Throws: ``MetricsError`` naming the loss, for an unknown name (with a suggestion), a
  ///   missing or unknown parameter, or a value out of range.
  public init(named name: String, parameters: [String: Double] = [:]) throws {
    let subject = "loss '\(name)'"
    let accepted: [String]
    switch name {
    case "weighted_log_loss": accepted = ["positive_weight", "negative_weight"]
    case "focal": accepted = ["gamma", "alpha"]
    case "custom":
      throw MetricsError(subject: subject, message: Message.customNeedsExpression)
    default:
      guard Self.builtInNames.contains(name) else {
        let suggestion = closestMatch(to: name, among: Self.builtInNames)
        throw MetricsError(message: Message.unknownLoss(name, suggestion: suggestion))
      }
      accepted = []
    }
    for key in parameters.keys.sorted() where !accepted.contains(key) {
      throw MetricsError(
        subject: subject,
        message: Message.unknownParameter(
          key, accepted: accepted, suggestion: closestMatch(to: key, among: accepted)))
    }
    func required(_ key: String) throws -> Double {
      guard let value = parameters[key] else {
        throw MetricsError(subject: subject, message: Message.missingParameter(key))
      }
      guard value >= 0 && value.isFinite else {
        throw MetricsError(subject: subject, message: Message.negative(key, value))
      }
      return value
    }
    switch name {
    case "log_loss": self = .logLoss
    case "brier": self = .brier
    case "squared_error": self = .squaredError
    case "absolute_error": self = .absoluteError
    case "hinge": self = .hinge
    case "weighted_log_loss":
      self = .weightedLogLoss(
        positiveWeight: try required("positive_weight"),
        negativeWeight: try required("negative_weight"))
    default:
      let gamma = try required("gamma")
      if let alpha = parameters["alpha"], !(alpha >= 0 && alpha <= 1) {
        throw MetricsError(subject: subject, message: Message.alphaOutOfRange(alpha))
      }
      self = .focal(gamma: gamma, alpha: parameters["alpha"])
    }
  }

  /// The texts of the errors of ``init(named:parameters:)``.
  enum Message {
    static let customNeedsExpression =
      "a custom loss is written as an expression, not built from parameters"

    static func unknownLoss(_ name: String, suggestion: String?) -> String {
      "unknown loss '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }

    static func unknownParameter(_ key: String, accepted: [String], suggestion: String?)
      -> String
    {
      if accepted.isEmpty { return "takes no parameters, found '\(key)'" }
      return "unknown parameter '\(key)'"
        + (suggestion.map { "; did you mean '\($0)'?" }
          ?? "; expected " + accepted.map { "'\($0)'" }.joined(separator: " or "))
    }

    static func missingParameter(_ key: String) -> String {
      "needs the parameter '\(key)'"
    }

    static func negative(_ key: String, _ value: Double) -> String {
      "'\(key)' must be finite and at least 0, found \(value)"
    }

    static func alphaOutOfRange(_ value: Double) -> String {
      "'alpha' must be between 0 and 1, found \(value)"
    }
  }
}
