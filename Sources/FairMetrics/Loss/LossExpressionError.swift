public import _FairSupport

/// The problems found in the text of a loss expression, thrown once with all of them.
///
/// Each problem is located by a 1-based ``Problem/column`` and a ``Problem/length``, both
/// counted in Unicode scalars of the expression text, whose first character is column 1. A
/// caller that read the expression from a file (a YAML scalar in a manifest) places a
/// problem in the file with ``diagnostics(file:line:column:sourceLine:)``, passing the line
/// and column of the expression's first character (after any opening quote): the problem's
/// file column is then `column + problem.column - 1`. That holds for a scalar written on
/// one line without escapes, the only form a manifest should use for an expression.
public struct LossExpressionError: DiagnosticError, Hashable {
  /// One problem in the text.
  public struct Problem: Hashable, Sendable {
    /// The 1-based column of the first character the problem concerns, in Unicode scalars
    /// (the end of the text is `count + 1`).
    public var column: Int
    /// How many characters the problem covers; 0 at the end of the text.
    public var length: Int
    /// The message, lower-case with no final period, with any "did you mean" suggestion.
    public var message: String

    /// Creates a problem.
    public init(column: Int, length: Int, message: String) {
      self.column = column
      self.length = length
      self.message = message
    }
  }

  /// The expression text.
  public var text: String
  /// The problems, in the order of their columns; at least one.
  public var problems: [Problem]

  /// Creates an error.
  public init(text: String, problems: [Problem]) {
    self.text = text
    self.problems = problems
  }

  /// The problems as diagnostics located in the expression text itself (no file), each with
  /// the text as its source line, for the caret.
  public var diagnostics: [Diagnostic] {
    problems.map {
      Diagnostic(
        file: nil, line: nil, column: $0.column, message: $0.message,
        sourceLine: text.contains("\n") ? nil : text)
    }
  }

  /// The problems as diagnostics located in a file that holds the expression.
  ///
  /// - Parameters:
  ///   - file: The file's path, as the user gave it.
  ///   - line: The 1-based line of the expression's first character.
  ///   - column: The 1-based column of the expression's first character (after an opening
  ///     quote, if the scalar is quoted).
  ///   - sourceLine: The text of that line, for the caret, if known.
  /// - Returns: One diagnostic per problem, at `column + problem.column - 1`.
  public func diagnostics(
    file: String?, line: Int, column: Int, sourceLine: String? = nil
  ) -> [Diagnostic] {
    problems.map {
      Diagnostic(
        file: file, line: line, column: column + $0.column - 1, message: $0.message,
        sourceLine: sourceLine)
    }
  }

  /// Every problem in compiler style, with the expression and a caret under each.
  public var description: String { renderedDiagnostics }
}
