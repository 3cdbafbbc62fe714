import ArgumentParser
import FairPolicy
import FairReports

extension FairGateCommand {
  /// `fairgate policy`: the shipped packs and policy files.
  struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "policy",
      abstract: "List the shipped policy packs or check policy files.",
      subcommands: [List.self, Check.self]
    )
  }
}

extension FairGateCommand.PolicyCommand {
  /// `fairgate policy list`: the shipped packs with their rules and citations.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the shipped policy packs with their rules and citations."
    )

    @OptionGroup var policies: PolicyOptions

    func run() throws {
      let out = StandardOutput()
      out.write(PolicyListing.text(try PolicyPack.loadAll(from: policies.directory)))
      out.flush()
    }
  }

  /// `fairgate policy check FILE...`: parses and checks policy files.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Check policy files and report every problem at once.",
      discussion: """
        Every problem in every file is reported in compiler style (file:line:column, the \
        line with a caret under the place, a 'did you mean' note where one fits) and the \
        status is 2; a clean check prints one line per policy and exits 0. Packs named in \
        'extends' are looked up among the files and the shipped packs.
        """
    )

    @Argument(help: ArgumentHelp("The policy files.", valueName: "file.yaml"))
    var files: [String]

    @OptionGroup var policies: PolicyOptions

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("name at least one policy file") }
    }

    func run() throws {
      let loaded = try PolicyLoader(searchDirectories: [policies.directory]).load(files: files)
      let out = StandardOutput()
      out.write(PolicyListing.checked(loaded))
      out.flush()
    }
  }
}
