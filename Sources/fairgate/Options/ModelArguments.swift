public import ArgumentParser
public import FairAttribution
public import FairMetrics
public import FairModels
public import FairPolicy
public import FairReports

extension OutputSpace: ExpressibleByArgument {}
extension CommandModel.Output: ExpressibleByArgument {}
extension ModelTask: ExpressibleByArgument {}
extension ModelLink: ExpressibleByArgument {}
extension AttributionMethod: ExpressibleByArgument {}
extension DecisionRule.Space: ExpressibleByArgument {}
extension DecisionRule.Side: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension GateThreshold: ExpressibleByArgument {}
