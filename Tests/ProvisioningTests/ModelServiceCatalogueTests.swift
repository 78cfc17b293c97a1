import Foundation
import Testing

@testable import Provisioning

@Suite("Service catalogue", .timeLimit(.minutes(10)))
struct ModelServiceCatalogueTests {
    let catalogue = ServiceCatalogue.standard

    @Test("has about forty well-formed, distinct principals")
    func entries() {
        #expect(catalogue.services.count >= 40)
        #expect(Set(catalogue.services.map(\.principal)).count == catalogue.services.count)
        for service in catalogue.services {
            #expect(ServicePrincipal.formatProblem(service.principal) == nil, "\(service.principal)")
            #expect(!service.displayName.isEmpty && !service.purpose.isEmpty)
        }
        for principal in ["sagemaker", "lookoutequipment", "lambda", "ec2", "ecs-tasks", "glue", "states", "codebuild",
            "codepipeline", "events", "scheduler", "redshift", "bedrock", "apigateway", "cloudformation", "batch",
            "elasticmapreduce", "firehose", "dms", "backup", "config", "sns", "ssm"]
        {
            #expect(catalogue.service(forPrincipal: "\(principal).amazonaws.com") != nil, "\(principal)")
        }
    }

    @Test("Lookout for Equipment's support ended on 2026-10-07")
    func endOfSupport() throws {
        let l4e = try #require(catalogue.service(forPrincipal: "lookoutequipment.amazonaws.com"))
        #expect(l4e.endOfSupport == "2026-10-07")
        let before = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28
        let after = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15
        #expect(l4e.supportNotice(asOf: before) == "AWS ends support for Amazon Lookout for Equipment on 2026-10-07")
        #expect(l4e.supportNotice(asOf: after) == "AWS ended support for Amazon Lookout for Equipment on 2026-10-07")
        #expect(catalogue.service(forPrincipal: "lambda.amazonaws.com")?.supportNotice() == nil)
    }

    @Test("looks principals up ignoring case and the China suffix")
    func lookup() {
        #expect(catalogue.service(forPrincipal: "Lambda.amazonaws.com.cn")?.displayName == "AWS Lambda")
        #expect(catalogue.service(forPrincipal: "nothing.amazonaws.com") == nil)
    }

    @Test("search by display name, principal or keyword", arguments: [
        ("step functions", "states.amazonaws.com"),
        ("ecs-tasks", "ecs-tasks.amazonaws.com"),
        ("Lookout", "lookoutequipment.amazonaws.com"),
        ("kinesis firehose", "firehose.amazonaws.com"),
        ("sagemaker.amazonaws", "sagemaker.amazonaws.com"),
    ])
    func search(query: String, expected: String) {
        #expect(catalogue.search(query).first?.principal == expected)
    }

    @Test("an empty search lists everything")
    func searchEmpty() {
        #expect(catalogue.search("  ").count == catalogue.services.count)
    }

    @Test("did you mean: typos in principal or name", arguments: [
        ("sagemaker.amazonaw.com", "sagemaker.amazonaws.com"),
        ("lookoutequipmnt.amazonaws.com", "lookoutequipment.amazonaws.com"),
        ("lamda.amazonaws.com", "lambda.amazonaws.com"),
        ("stepfunctions.amazonaws.com", "states.amazonaws.com"),
        ("sagemaker", "sagemaker.amazonaws.com"),
        ("codebiuld", "codebuild.amazonaws.com"),
    ])
    func suggestions(typo: String, expected: String) {
        #expect(catalogue.suggestions(for: typo).first?.principal == expected)
    }

    @Test("no suggestion for something unlike any service")
    func noSuggestion() {
        #expect(catalogue.suggestions(for: "zzzzzzzz.amazonaws.com").isEmpty)
    }

    @Test("edit distance")
    func editDistance() {
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
        #expect(DidYouMean.editDistance("", "abc") == 3)
        #expect(DidYouMean.hint(for: "naem", among: ["name", "path"]) == #" (did you mean "name"?)"#)
        #expect(DidYouMean.hint(for: "zzz", among: ["name", "path"]) == "")
    }
}
