import FairTabular
import Foundation
import _FairTestSupport

@testable import FairModels

/// Builds inline PMML documents and scores CSV text with them.
enum PMMLTesting {
  /// Wraps a data dictionary, optional transformation dictionary and model in a PMML 4.4
  /// document.
  static func document(
    fields: String, transformations: String = "", model: String, namespace: String = "4_4"
  ) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <PMML xmlns="http://www.dmg.org/PMML-\(namespace)" version="\(namespace.replacingOccurrences(of: "_", with: "."))">
      <Header/>
      <DataDictionary>
    \(fields)
      </DataDictionary>
    \(transformations)
    \(model)
    </PMML>
    """
  }

  /// Loads an inline document.
  static func load(_ text: String, file: String = "inline.pmml") throws -> PMMLModel {
    try PMMLModelLoader.load(data: Array(text.utf8), file: file)
  }

  /// Reads `csv` with the model's preferred column types and binds it to the features.
  static func matrix(_ model: PMMLModel, csv: String) throws -> FeatureMatrix {
    let path = try FixturePaths.temporaryFile("data.csv", contents: csv)
    let options = CSVOptions(columnTypes: model.preferredColumnTypes)
    let data = try CSVReader(options: options).read(contentsOf: path)
    return try FeatureMatrix(binding: data, to: model.features, file: path)
  }

  /// Scores `csv` (a header line plus rows) with `model`.
  static func scores(_ model: PMMLModel, csv: String, output: OutputSpace = .margin) throws
    -> [Double]
  {
    try model.predict(try matrix(model, csv: csv), output: output)
  }

  /// The error thrown by `body`, if it is a `ModelError`.
  static func modelError(_ body: () throws -> Void) -> ModelError? {
    do {
      try body()
      return nil
    } catch let error as ModelError {
      return error
    } catch {
      return nil
    }
  }
}
