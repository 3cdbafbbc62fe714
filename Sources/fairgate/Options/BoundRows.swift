import FairModels
import FairTabular

/// A model with the data it scores, bound to the model's features and checked.
struct BoundRows {
  let model: any ScoringModel
  let dataset: Dataset
  let matrix: FeatureMatrix
  let dataFile: String

  /// Loads the model and the data, reading columns as the model declares them, binds the
  /// rows to the model's features, and refuses the data if the model cannot score a row.
  init(model options: ModelOptions, data: DataOptions) throws {
    let model: any ScoringModel
    let dataset: Dataset
    if let path = options.model {
      model = try ModelLoader.load(contentsOf: path)
      var csv = try data.csv.csvOptions()
      if let checking = model as? any InputCheckingModel {
        csv.columnTypeHints = checking.columnTypeHints
      }
      dataset = try CSVReader(options: csv).read(contentsOf: data.data)
    } else {
      dataset = try data.read()
      model = try options.load(for: dataset, file: data.data)
    }
    let matrix = try FeatureMatrix(binding: dataset, to: model.features, file: data.data)
    if let checking = model as? any InputCheckingModel {
      try checking.validate(matrix, dataFile: data.data)
    }
    self.model = model
    self.dataset = dataset
    self.matrix = matrix
    self.dataFile = data.data
  }
}
