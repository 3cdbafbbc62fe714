import Foundation
import Synchronization
import Testing
import Yams
import _FairTestSupport

/// The CI recipes in `ci/` parse, publish what the audit writes, and run as written.
///
/// Each recipe's `fairgate audit` command line is taken from the YAML, its variables are
/// expanded from the recipe's own `env:` or `variables:`, and it is run with the built
/// binary as the recipe runs it from the repository root, except that it writes into a
/// temporary folder: paths that name files of the repository are made absolute and the
/// command runs in that folder.
@Suite struct CIRecipeTests {
  static let recipes = ["github-actions.yml", "gitlab-ci.yml"]

  @Test(arguments: recipes)
  func runsTheAuditAsWritten(recipe: String) throws {
    let document = try Self.load(recipe)
    let command = try #require(Self.auditCommand(in: document), "no 'fairgate audit' line")
    #expect(command.count > 2 && command[0].hasSuffix("fairgate") && command[1] == "audit")
    let arguments = Array(command.dropFirst())
    for format in ["junit", "markdown", "html", "json"] {
      #expect(Self.values(of: "--format", in: arguments).contains(format))
    }
    let out = try #require(Self.values(of: "--out", in: arguments).first)

    let run = try Self.run(arguments)
    #expect(run.status == 1, "the demo audit has failing findings: \(run.standardError)")
    for file in ["junit.xml", "summary.md", "report.html", "findings.json"] {
      #expect(
        FileManager.default.fileExists(atPath: "\(run.directory)/\(out)/\(file)"),
        "\(recipe) should leave \(out)/\(file)")
    }
  }

  @Test func gitHubPublishesJUnitUploadsCommentsAndFailsOnTheStatus() throws {
    let document = try Self.load("github-actions.yml")
    let steps = try #require(document["jobs"]?["audit"]?["steps"]?.sequence)
    let uses = steps.compactMap { $0["uses"]?.string }
    #expect(uses.contains { $0.hasPrefix("actions/checkout@") })
    #expect(uses.contains { $0.hasPrefix("mikepenz/action-junit-report@") })
    #expect(uses.contains { $0.hasPrefix("actions/upload-artifact@") })
    #expect(uses.contains { $0.hasPrefix("marocchino/sticky-pull-request-comment@") })
    let junit = try #require(steps.first { $0["uses"]?.string?.contains("junit") == true })
    #expect(junit["with"]?["report_paths"]?.string == "reports/junit.xml")
    let comment = try #require(steps.first { $0["uses"]?.string?.contains("comment") == true })
    #expect(comment["with"]?["path"]?.string == "reports/summary.md")
    let upload = try #require(steps.first { $0["uses"]?.string?.contains("upload") == true })
    #expect(upload["with"]?["path"]?.string == "reports/")
    // Publishing runs whatever the audit's status; the last step fails the job with it.
    for step in [junit, comment, upload] {
      #expect(step["if"]?.string?.hasPrefix("always()") == true)
    }
    #expect(steps.last?["run"]?.string == "exit ${{ steps.audit.outputs.status }}")
  }

  @Test func gitLabPublishesJUnitKeepsTheReportsAndFailsOnTheStatus() throws {
    let document = try Self.load("gitlab-ci.yml")
    let job = try #require(document["fairness-audit"])
    #expect(job["artifacts"]?["when"]?.string == "always")
    #expect(job["artifacts"]?["reports"]?["junit"]?.string == "reports/junit.xml")
    #expect(job["artifacts"]?["paths"]?.sequence?.first?.string == "reports/")
    let script = try #require(job["script"]?.sequence).compactMap(\.string)
    #expect(script.last == "exit $status")
    #expect(script.contains { $0.contains("merge_requests/$CI_MERGE_REQUEST_IID/notes") })
  }

  // MARK: - Reading a recipe

  private static func load(_ recipe: String) throws -> Node {
    let path = FixturePaths.repositoryRoot() + "/ci/" + recipe
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try #require(try Yams.compose(yaml: text), "\(recipe) is empty")
  }

  /// The words of the first `fairgate audit` command in any string of `document`, with the
  /// document's `env:` and `variables:` expanded; `nil` without one.
  private static func auditCommand(in document: Node) -> [String]? {
    var strings: [String] = []
    var variables: [String: String] = [:]
    func walk(_ node: Node, key: String?) {
      switch node {
      case .scalar(let scalar):
        strings.append(scalar.string)
      case .mapping(let mapping):
        for (name, value) in mapping {
          let name = name.string ?? ""
          if name == "env" || name == "variables", let pairs = value.mapping {
            for (variable, setting) in pairs {
              if let variable = variable.string, let setting = setting.string {
                variables[variable] = setting
              }
            }
          }
          walk(value, key: name)
        }
      case .sequence(let sequence):
        for item in sequence { walk(item, key: key) }
      case .alias:
        break
      }
    }
    walk(document, key: nil)
    for text in strings {
      // Join continued lines, then look at each line.
      let joined = text.replacingOccurrences(of: "\\\n", with: " ")
      for line in joined.split(separator: "\n") {
        let words = ShellWords.split(String(line), variables: variables)
        if words.count > 1 && words[0].hasSuffix("fairgate") && words[1] == "audit" {
          return words
        }
      }
    }
    return nil
  }

  private static func values(of option: String, in arguments: [String]) -> [String] {
    zip(arguments, arguments.dropFirst()).filter { $0.0 == option }.map(\.1)
  }

  // MARK: - Running a command line once

  private struct Run: Sendable {
    var status: Int32
    var standardError: String
    var directory: String
  }

  /// The runs so far, by command line: both recipes run the same audit, which then runs once.
  private static let runs = Mutex<[[String]: Run]>([:])

  /// Runs `arguments` in a fresh folder, with repository paths made absolute, once per
  /// distinct command line.
  private static func run(_ arguments: [String]) throws -> Run {
    try runs.withLock { runs in
      if let run = runs[arguments] { return run }
      let root = FixturePaths.repositoryRoot()
      // Only files: a folder such as the recipe's output folder stays relative.
      let absolute = arguments.map { argument in
        var isDirectory: ObjCBool = false
        let path = root + "/" + argument
        let isFile =
          !argument.hasPrefix("/")
          && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
          && !isDirectory.boolValue
        return isFile ? path : argument
      }
      let folder = try FixturePaths.temporaryDirectory(named: "fairgate-ci")
      let result = try FairGateBinary.run(absolute, directory: folder)
      let run = Run(status: result.status, standardError: result.standardError, directory: folder)
      runs[arguments] = run
      return run
    }
  }
}

/// Splits one shell command line into words, as `sh` would for the simple commands the CI
/// recipes hold: single and double quotes, `$NAME` and `${NAME}` expanded from the given
/// variables (outside single quotes), and the words up to the first operator (`||`, `&&`,
/// `;`, `|`, `>`, `<`, `&`) or a comment.
private enum ShellWords {
  static func split(_ line: String, variables: [String: String]) -> [String] {
    var words: [String] = []
    var word = ""
    var hasWord = false
    var quote: Character?
    var characters = Array(line)[...]
    while let character = characters.popFirst() {
      switch (quote, character) {
      case (nil, " "), (nil, "\t"):
        if hasWord { words.append(word) }
        word = ""
        hasWord = false
      case (nil, "|"), (nil, "&"), (nil, ";"), (nil, ">"), (nil, "<"):
        if hasWord { words.append(word) }
        return words
      case (nil, "#") where !hasWord:
        return words
      case (nil, "'"), (nil, "\""):
        quote = character
        hasWord = true
      case ("'", "'"), ("\"", "\""):
        quote = nil
      case (let current, "$") where current != "'":
        var name = ""
        if characters.first == "{" {
          characters.removeFirst()
          while let next = characters.popFirst(), next != "}" { name.append(next) }
        } else {
          while let next = characters.first, next.isLetter || next.isNumber || next == "_" {
            name.append(next)
            characters.removeFirst()
          }
        }
        word += variables[name] ?? ""
        hasWord = true
      default:
        word.append(character)
        hasWord = true
      }
    }
    if hasWord { words.append(word) }
    return words
  }
}
