import FairTabular
import Testing
import _FairTestSupport

@testable import FairTabular

/// Reads `text` as a CSV file named `name`.
private func read(
  _ text: String, name: String = "data.csv", options: CSVOptions = CSVOptions(),
  chunkSize: Int = 1 << 20
) throws -> Dataset {
  let path = try FixturePaths.temporaryFile(name, contents: text)
  var reader = CSVReader(options: options)
  reader.chunkSize = chunkSize
  return try reader.read(contentsOf: path)
}

private func readBytes(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> Dataset {
  let path = try FixturePaths.temporaryFile("data.csv", bytes: bytes)
  return try CSVReader(options: options).read(contentsOf: path)
}

/// Reads `text` expecting a `DataError`, and returns it.
private func readError(
  _ text: String, options: CSVOptions = CSVOptions(),
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> DataError? {
  let path = try FixturePaths.temporaryFile("data.csv", contents: text)
  return #expect(throws: DataError.self, sourceLocation: sourceLocation) {
    try CSVReader(options: options).read(contentsOf: path)
  }
}

private func labels(_ dataset: Dataset, _ name: String) -> [String?] {
  guard let column = dataset.column(named: name)?.categorical else { return [] }
  return column.codes.indices.map { column.value(at: $0) }
}

private func numbers(_ dataset: Dataset, _ name: String) -> [Double] {
  dataset.column(named: name)?.numeric?.values ?? []
}

@Suite struct CSVQuotingTests {
  @Test func readsQuotedFieldsWithDelimitersAndLineBreaks() throws {
    let data = try read("name,note\n\"Smith, J\",\"line one\nline two\"\nLee,plain\n")
    #expect(data.rowCount == 2)
    #expect(labels(data, "name") == ["Smith, J", "Lee"])
    #expect(labels(data, "note") == ["line one\nline two", "plain"])
  }

  @Test func collapsesDoubledQuotes() throws {
    let data = try read("quote\n\"she said \"\"hi\"\"\"\n\"\"\"\"\n")
    #expect(labels(data, "quote") == ["she said \"hi\"", "\""])
  }

  @Test func quotedNumbersAreNumbers() throws {
    let data = try read("x\n\"1.5\"\n\"2\"\n")
    #expect(numbers(data, "x") == [1.5, 2])
  }

  @Test func rejectsTextAfterClosingQuote() throws {
    let error = try readError("a,b\n1,\"two\"x\n")
    #expect(error?.kind == .unexpectedCharacter)
    #expect(error?.line == 2)
    #expect(error?.column?.index == 2)
    #expect(
      error?.message == "expected a delimiter or line end after the closing quote, found 'x'")
  }

  @Test func reportsUnterminatedQuoteAtTheLineWhereItOpens() throws {
    let error = try readError("a,b\n1,2\n3,\"open\nstill open\n")
    #expect(error?.kind == .unterminatedQuote)
    #expect(error?.line == 3)
    #expect(error?.column?.index == 2)
    #expect(error?.message == "quoted field is not closed before the end of the file")
  }
}

@Suite struct CSVLineEndingTests {
  @Test(arguments: [
    ("LF", "a,b\n1,x\n2,y\n"),
    ("CRLF", "a,b\r\n1,x\r\n2,y\r\n"),
    ("CR", "a,b\r1,x\r2,y\r"),
    ("no final line end", "a,b\n1,x\n2,y"),
    ("mixed", "a,b\r\n1,x\n2,y\r\n"),
  ])
  func acceptsLineEndings(name: String, text: String) throws {
    let data = try read(text)
    #expect(data.rowCount == 2, "\(name)")
    #expect(numbers(data, "a") == [1, 2], "\(name)")
    #expect(labels(data, "b") == ["x", "y"], "\(name)")
  }

  @Test func skipsBlankLines() throws {
    let data = try read("a,b\n\n1,x\n\r\n2,y\n\n")
    #expect(data.rowCount == 2)
  }

  @Test func stripsByteOrderMark() throws {
    let data = try readBytes([0xEF, 0xBB, 0xBF] + Array("id,v\n1,2\n".utf8))
    #expect(data.columnNames == ["id", "v"])
  }

  @Test func countsPhysicalLinesAcrossQuotedLineBreaks() throws {
    // Row 2 spans lines 2–3; the bad cell is on line 4.
    let options = CSVOptions(columnTypes: ["b": .numeric])
    let typed = try readError("a,b\n\"x\ny\",1\n\"p\",q\n", options: options)
    #expect(typed?.line == 4)
    #expect(typed?.column == .init(index: 2, name: "b"))
  }
}

@Suite struct CSVDelimiterTests {
  @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")])
  func readsWithDelimiter(delimiter: UInt8) throws {
    let d = String(UnicodeScalar(delimiter))
    let text = "a\(d)b\(d)c\n1\(d)\"x\(d)y\"\(d)3.5\n2\(d)z\(d)\n"
    let data = try read(text, options: CSVOptions(delimiter: delimiter))
    #expect(data.columnNames == ["a", "b", "c"])
    #expect(labels(data, "b") == ["x\(d)y", "z"])
    let c = numbers(data, "c")
    #expect(c.count == 2 && c[0] == 3.5 && c[1].isNaN)
  }

  @Test func rejectsAQuoteAsDelimiter() throws {
    let error = try readError("a\n1\n", options: CSVOptions(delimiter: UInt8(ascii: "\"")))
    #expect(error?.kind == .invalidOption)
  }
}

@Suite struct CSVTypeInferenceTests {
  @Test func infersNumericAndCategoricalColumns() throws {
    let data = try read("n,c,m\n1,a,\n-2.5e3,b,NA\n+.5,a,7\n")
    #expect(data.column(named: "n")?.type == .numeric)
    #expect(numbers(data, "n") == [1, -2500, 0.5])
    #expect(data.column(named: "c")?.categorical?.levels == ["a", "b"])
    #expect(data.column(named: "c")?.categorical?.codes == [0, 1, 0])
    #expect(data.column(named: "m")?.type == .numeric)
    #expect(data.column(named: "m")?.missingCount == 2)
  }

  @Test func columnThatTurnsTextLateKeepsFirstAppearanceOrder() throws {
    let data = try read("id,v\n1,10\n2,20\n3,x\n4,10\n5,\n")
    let column = try #require(data.column(named: "v")?.categorical)
    #expect(column.levels == ["10", "20", "x"])
    #expect(column.codes == [0, 1, 2, 0, CategoricalColumn.missingCode])
  }

  @Test func columnThatTurnsTextAfterOnlyMissingCellsNeedsNoSecondPass() throws {
    let data = try read("v\n\nNA\nx\ny\n")
    #expect(labels(data, "v") == [nil, "x", "y"])
  }

  @Test func entirelyMissingColumnIsNumeric() throws {
    let data = try read("a,b\n1,\n2,NA\n")
    #expect(data.column(named: "b")?.type == .numeric)
    #expect(data.column(named: "b")?.missingCount == 2)
  }

  @Test func overridesInferredTypes() throws {
    let options = CSVOptions(columnTypes: ["zip": .categorical])
    let data = try read("zip,amount\n01234,5\n99999,6\n", options: options)
    #expect(labels(data, "zip") == ["01234", "99999"])
  }

  @Test func declaredNumericColumnRejectsText() throws {
    let options = CSVOptions(columnTypes: ["income": .numeric])
    let error = try readError(
      "id,age,city,income\n1,30,Oslo,100\n2,40,Rome,n/a\n", options: options)
    #expect(error?.kind == .expectedNumber)
    #expect(error?.line == 3)
    #expect(error?.column == .init(index: 4, name: "income"))
    #expect(
      error.map { "\($0)" }?.hasSuffix(
        ":3: error: column 4 'income': expected a number, found 'n/a'") == true)
  }

  @Test func typeOverrideForUnknownColumnSuggestsTheNearestName() throws {
    let error = try readError(
      "income,age\n1,2\n", options: CSVOptions(columnTypes: ["incme": .numeric]))
    #expect(error?.kind == .unknownColumn)
    #expect(error?.message.contains("did you mean 'income'?") == true)
  }

  @Test(arguments: ["", "NA", "N/A", "NaN", "null", "?", " NA "])
  func recognisesDefaultMissingTokens(token: String) throws {
    let data = try read("x,y\n1,a\n\(token),b\n")
    #expect(data.column(named: "x")?.type == .numeric)
    #expect(numbers(data, "x")[1].isNaN)
  }

  @Test func missingTokensAreConfigurable() throws {
    let options = CSVOptions(missingTokens: ["-", ""])
    let data = try read("x,y\n1,NA\n-,b\n", options: options)
    #expect(numbers(data, "x")[1].isNaN)
    #expect(labels(data, "y") == ["NA", "b"])
  }

  @Test(arguments: [
    "0", "-0", "1", "12345678901234567890", "3.14159", "1e308", "1e-320", "2.2250738585072014e-308",
    "0.1", "123456.789e-3", "9007199254740993", "1.7976931348623157e308", ".5", "5.", "-1E+2",
    "0.30000000000000004", "4.9406564584124654e-324", "79228162514264337593543950336",
    "123456789012345678901234567890.5", "0.000000000000000000000000001", "-0e5",
  ])
  func parsesNumbersCorrectlyRounded(text: String) throws {
    let data = try read("x\n\(text)\n")
    #expect(numbers(data, "x") == [Double(text.hasPrefix(".") ? "0" + text : text) ?? .nan])
  }

  @Test(arguments: ["1e", "--1", "1.2.3", "0x10", "1_000", "e5", ".", "-"])
  func rejectsNonNumbers(text: String) throws {
    let data = try read("x\n\(text)\n")
    #expect(data.column(named: "x")?.type == .categorical)
  }
}

@Suite struct CSVBadInputTests {
  @Test func rowWithTooFewFieldsNamesTheFirstMissingColumn() throws {
    let error = try readError("a,b,c\n1,2,3\n4,5\n")
    #expect(error?.kind == .raggedRow)
    #expect(error?.line == 3)
    #expect(error?.column == .init(index: 3, name: "c"))
    #expect(error?.message == "row has 2 fields, header has 3")
  }

  @Test func rowWithTooManyFieldsNamesTheFirstExtraColumn() throws {
    let error = try readError("a,b\n1,2\n3,4,5\n")
    #expect(error?.kind == .raggedRow)
    #expect(error?.line == 3)
    #expect(error?.column == .init(index: 3, name: nil))
    #expect(error?.message == "row has 3 fields, header has 2")
  }

  @Test func duplicateHeaderNamesBothPositions() throws {
    let error = try readError("id,age,age\n1,2,3\n")
    #expect(error?.kind == .duplicateHeader)
    #expect(error?.line == 1)
    #expect(error?.column == .init(index: 3, name: "age"))
    #expect(error?.message == "duplicate header name (first used by column 2)")
  }

  @Test func emptyHeaderNameIsAnError() throws {
    let error = try readError("id,,v\n1,2,3\n")
    #expect(error?.kind == .emptyHeader)
    #expect(error?.column?.index == 2)
  }

  @Test(arguments: ["", "\n\n", "\r\n"])
  func emptyFileIsAnError(text: String) throws {
    let error = try readError(text)
    #expect(error?.kind == .emptyFile)
    #expect(error?.message == "file is empty: a header row is required")
  }

  @Test func byteOrderMarkAloneIsAnEmptyFile() throws {
    let path = try FixturePaths.temporaryFile("bom.csv", bytes: [0xEF, 0xBB, 0xBF])
    let error = #expect(throws: DataError.self) { try CSVReader().read(contentsOf: path) }
    #expect(error?.kind == .emptyFile)
  }

  @Test func invalidUTF8InAFieldNamesItsPlace() throws {
    let bytes = Array("name,v\nok,1\n".utf8) + [0x61, 0xFF, 0x62] + Array(",2\n".utf8)
    let path = try FixturePaths.temporaryFile("bad.csv", bytes: bytes)
    let error = #expect(throws: DataError.self) { try CSVReader().read(contentsOf: path) }
    #expect(error?.kind == .invalidUTF8)
    #expect(error?.line == 3)
    #expect(error?.column == .init(index: 1, name: "name"))
  }

  @Test func invalidUTF8InTheHeaderIsAnError() throws {
    let path = try FixturePaths.temporaryFile("bad.csv", bytes: [0x61, 0xC3, 0x2C, 0x62, 0x0A])
    let error = #expect(throws: DataError.self) { try CSVReader().read(contentsOf: path) }
    #expect(error?.kind == .invalidUTF8)
    #expect(error?.line == 1)
  }

  @Test func missingFileIsAnError() throws {
    let path = try FixturePaths.temporaryDirectory() + "/absent.csv"
    let error = #expect(throws: DataError.self) { try CSVReader().read(contentsOf: path) }
    #expect(error?.kind == .fileNotFound)
    #expect(error?.description == "\(path): error: no such file")
  }

  @Test func directoryIsUnreadable() throws {
    let path = try FixturePaths.temporaryDirectory()
    let error = #expect(throws: DataError.self) { try CSVReader().read(contentsOf: path) }
    #expect(error?.kind == .unreadable)
  }
}

@Suite struct CSVStreamingTests {
  static let tricky = #"""
    id,text,amount,grade
    1,"multi
    line, with comma",12.5,A
    2,"say ""hi""",,B
    3,plain,7,"A"
    4,"",1e3,C

    5,last,-0.25,A
    """#

  @Test(arguments: [1, 2, 3, 7, 16, 64])
  func recordsAcrossBufferEdgesReadTheSame(chunkSize: Int) throws {
    let expected = try read(Self.tricky)
    let chunked = try read(Self.tricky, chunkSize: chunkSize)
    #expect(chunked == expected)
    #expect(expected.rowCount == 5)
  }

  @Test(arguments: [1, 5, 13])
  func crlfSplitAcrossBufferEdgesIsOneLineEnd(chunkSize: Int) throws {
    let data = try read("a,b\r\n1,2\r\n3,4\r\n", chunkSize: chunkSize)
    #expect(data.rowCount == 2)
    #expect(numbers(data, "b") == [2, 4])
  }
}

@Suite struct RealDataTests {
  @Test func adultHasTheRawFilesRowAndMissingCounts() throws {
    let data = try CSVReader().read(contentsOf: FixturePaths.fixture("data/adult/adult.csv"))
    #expect(data.rowCount == 48_842)
    #expect(data.column(named: "workclass")?.missingCount == 2_799)
    #expect(data.column(named: "occupation")?.missingCount == 2_809)
    #expect(data.column(named: "native_country")?.missingCount == 857)
    #expect(data.column(named: "age")?.type == .numeric)
    #expect(data.column(named: "income")?.categorical?.levels.sorted() == ["<=50K", ">50K"])
  }

  @Test func germanCreditHasAThousandApplicants() throws {
    let data = try CSVReader().read(
      contentsOf: FixturePaths.fixture("data/german-credit/german-credit.csv"))
    #expect(data.rowCount == 1_000)
    #expect(data.columns.count == 23)
    #expect(data.column(named: "credit_risk")?.categorical?.levelCounts().sorted() == [300, 700])
    #expect(data.columns.allSatisfy { $0.missingCount == 0 })
  }
}

@Suite struct CSVParallelConversionTests {
  @Test func threadCountDoesNotChangeTheDataset() throws {
    let path = FixturePaths.fixture("data/adult/adult.csv")
    let one = try CSVReader(threads: 1).read(contentsOf: path)
    let four = try CSVReader(threads: 4).read(contentsOf: path)
    #expect(one == four)
  }

  @Test(arguments: [1, 4])
  func earliestErrorWinsWhenColumnsFailTogether(threads: Int) throws {
    // Column 3 fails on line 40 and column 2 on line 70, in the same buffer fill; the error
    // on the earlier line must be reported whatever thread converts which column.
    var lines = ["id,a,b"]
    for row in 1...100 {
      lines.append("\(row),\(row == 69 ? "x" : "1"),\(row == 39 ? "y" : "2")")
    }
    let path = try FixturePaths.temporaryFile("data.csv", contents: lines.joined(separator: "\n"))
    let options = CSVOptions(columnTypes: ["a": .numeric, "b": .numeric])
    let error = #expect(throws: DataError.self) {
      try CSVReader(options: options, threads: threads).read(contentsOf: path)
    }
    #expect(error?.line == 40)
    #expect(error?.column == .init(index: 3, name: "b"))
  }

  @Test(arguments: [1, 4])
  func conversionErrorBeforeARaggedRowWins(threads: Int) throws {
    var lines = ["id,a"]
    for row in 1...50 { lines.append(row == 10 ? "10,oops" : row == 30 ? "30" : "\(row),1") }
    let path = try FixturePaths.temporaryFile("data.csv", contents: lines.joined(separator: "\n"))
    let options = CSVOptions(columnTypes: ["a": .numeric])
    let error = #expect(throws: DataError.self) {
      try CSVReader(options: options, threads: threads).read(contentsOf: path)
    }
    #expect(error?.kind == .expectedNumber)
    #expect(error?.line == 11)
  }
}
