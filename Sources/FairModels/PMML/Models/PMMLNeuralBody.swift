import RealModule

/// A compiled `NeuralNetwork`: inputs and neurons are "entities" numbered in document
/// order (inputs first), and each connection names its source entity by number.
struct PMMLNeuralBody: Sendable {
  /// `activationFunction`.
  enum Activation: String, Sendable, Hashable {
    case threshold, logistic, tanh, identity, exponential, reciprocal, square, Gauss, sine
    case cosine, Elliott, arctan, rectifier, radialBasis
  }

  /// One `Neuron`.
  struct Neuron: Sendable {
    /// `Neuron@bias` (0 when absent).
    var bias: Double
    /// `Neuron@width` or the layer's.
    var width: Double
    /// `Neuron@altitude` or the layer's.
    var altitude: Double
    /// The source entity of each `Con`.
    var sources: [Int]
    /// The weight of each `Con`.
    var weights: [Double]
  }

  /// One `NeuralLayer`.
  struct Layer: Sendable {
    /// The activation (the layer's, else the network's).
    var activation: Activation
    /// The threshold of the `threshold` activation.
    var threshold: Double
    /// The normalisation across the layer's neurons.
    var normalization: PMMLNormalization
    /// The entity number of the first neuron.
    var firstEntity: Int
    /// The neurons.
    var neurons: [Neuron]
  }

  /// The `NeuralInput` expressions, entities `0..<inputs.count`.
  var inputs: [PMMLExpression]
  /// The layers.
  var layers: [Layer]
  /// The number of entities.
  var entityCount: Int
  /// Classification: the entity giving each category's probability (-1 when the network
  /// has no output for it).
  var categoryEntities: [Int]
  /// Regression: the output entity.
  var regressionEntity: Int
  /// Regression: the `NormContinuous` points applied in reverse (norm → orig), if any.
  var denormalization: [(orig: Double, norm: Double)]

  /// Applies an activation to a neuron's net input `z`.
  static func activate(_ activation: Activation, _ z: Double, threshold: Double) -> Double {
    switch activation {
    case .threshold: return z > threshold ? 1 : 0
    case .logistic: return 1 / (1 + Double.exp(-z))
    case .tanh: return Double.tanh(z)
    case .identity: return z
    case .exponential: return Double.exp(z)
    case .reciprocal: return 1 / z
    case .square: return z * z
    case .Gauss: return Double.exp(-(z * z))
    case .sine: return Double.sin(z)
    case .cosine: return Double.cos(z)
    case .Elliott: return z / (1 + Swift.abs(z))
    case .arctan: return 2 * Double.atan(z) / Double.pi
    case .rectifier: return Swift.max(0, z)
    case .radialBasis: return Double.exp(z)
    }
  }

  /// The derivative of an activation with respect to the net input, given `z` and the
  /// activation's value `g`.
  static func slope(_ activation: Activation, _ z: Double, _ g: Double) -> Double {
    switch activation {
    case .threshold: return 0
    case .logistic: return g * (1 - g)
    case .tanh: return 1 - g * g
    case .identity: return 1
    case .exponential: return g
    case .reciprocal: return -1 / (z * z)
    case .square: return 2 * z
    case .Gauss: return -2 * z * g
    case .sine: return Double.cos(z)
    case .cosine: return -Double.sin(z)
    case .Elliott: return 1 / ((1 + Swift.abs(z)) * (1 + Swift.abs(z)))
    case .arctan: return 2 / (Double.pi * (1 + z * z))
    case .rectifier: return z > 0 ? 1 : 0
    case .radialBasis: return g
    }
  }

  /// Maps a normalised output back to the original scale (the inverse of `NormContinuous`).
  static func denormalize(_ value: Double, _ points: [(orig: Double, norm: Double)]) -> Double {
    guard points.count >= 2 else { return value }
    var segment = points.count - 2
    for index in 0..<(points.count - 1) where value <= points[index + 1].norm {
      segment = index
      break
    }
    let (left, right) = (points[segment], points[segment + 1])
    return left.orig + (value - left.norm) * (right.orig - left.orig) / (right.norm - left.norm)
  }

  /// The slope of ``denormalize(_:_:)`` at `value`.
  static func denormalizationSlope(_ value: Double, _ points: [(orig: Double, norm: Double)])
    -> Double
  {
    guard points.count >= 2 else { return 1 }
    var segment = points.count - 2
    for index in 0..<(points.count - 1) where value <= points[index + 1].norm {
      segment = index
      break
    }
    let (left, right) = (points[segment], points[segment + 1])
    return (right.orig - left.orig) / (right.norm - left.norm)
  }
}
