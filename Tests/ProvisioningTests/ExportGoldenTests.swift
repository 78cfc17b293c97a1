import Testing
import TestSupport
@testable import Provisioning

/// The seed role exported in each format, compared line for line. The
/// expected texts were checked by hand and by the tools themselves
/// (`sh -n`, `cfn-lint`, `terraform fmt`; see ExportToolTests).
@Suite("Export golden files", .heavy)
struct ExportGoldenTests {
    @Test func cliScript() throws {
        #expect(try Exporter().export(SeedRole.role, as: .cli) == Self.cli + "\n")
    }

    @Test func cloudFormationTemplate() throws {
        #expect(try Exporter().export(SeedRole.role, as: .cloudformation) == Self.cloudFormation + "\n")
    }

    @Test func terraformConfiguration() throws {
        #expect(try Exporter().export(SeedRole.role, as: .terraform) == Self.terraform + "\n")
    }

    @Test func jsonNeedsTheSpecFileWriter() throws {
        #expect(throws: ExportError.self) { try Exporter().export(SeedRole.role, as: .json) }
        let exporter = Exporter(specFileWriter: { "spec of \($0.roleName)" })
        #expect(try exporter.export(SeedRole.role, as: .json) == "spec of l4e-role")
    }

    @Test func invalidTrustPolicyNamesTheField() {
        var role = SeedRole.role
        role.trustPolicy = "{ not json"
        for format in [ExportFormat.cloudformation, .terraform] {
            let error = #expect(throws: ExportError.self) { try Exporter().export(role, as: format) }
            #expect(error?.field == "trustPolicy")
        }
    }

    @Test func terraformNamesAreValidIdentifiers() {
        #expect(TerraformExport(role: DesiredRole(roleName: "ci+deploy@x.y", trustPolicy: "{}")).resourceName == "ci_deploy_x_y")
        #expect(TerraformExport(role: DesiredRole(roleName: "9lives", trustPolicy: "{}")).resourceName == "role_9lives")
    }

    static let cli = #"""
        #!/bin/sh
        # Creates the IAM role l4e-role or brings it back in line with its rolewiz spec.
        # Safe to run again. The AWS CLI's own settings (AWS_PROFILE, AWS_REGION, ...) choose the account.
        # Every value is passed in --cli-input-json, which the AWS CLI takes literally (no file:// or URL expansion).
        set -eu

        iam() {
            aws iam "$@" --cli-input-json "$(cat)"
        }

        if ! iam get-role >/dev/null 2>&1 <<'JSON'
        {
            "RoleName": "l4e-role"
        }
        JSON
        then
            iam create-role >/dev/null <<'JSON'
        {
            "RoleName": "l4e-role",
            "Path": "/",
            "AssumeRolePolicyDocument": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": [\n          \"sagemaker.amazonaws.com\",\n          \"lookoutequipment.amazonaws.com\"\n        ]\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
        }
        JSON
        fi
        iam update-assume-role-policy <<'JSON'
        {
            "RoleName": "l4e-role",
            "PolicyDocument": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": {\n        \"Service\": [\n          \"sagemaker.amazonaws.com\",\n          \"lookoutequipment.amazonaws.com\"\n        ]\n      },\n      \"Action\": \"sts:AssumeRole\"\n    }\n  ]\n}"
        }
        JSON
        iam attach-role-policy <<'JSON'
        {
            "RoleName": "l4e-role",
            "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"
        }
        JSON
        iam attach-role-policy <<'JSON'
        {
            "RoleName": "l4e-role",
            "PolicyArn": "arn:aws:iam::aws:policy/IAMFullAccess"
        }
        JSON
        iam attach-role-policy <<'JSON'
        {
            "RoleName": "l4e-role",
            "PolicyArn": "arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess"
        }
        JSON
        iam get-role --query Role.Arn --output text <<'JSON'
        {
            "RoleName": "l4e-role"
        }
        JSON
        """#

    static let cloudFormation = #"""
        AWSTemplateFormatVersion: '2010-09-09'
        Description: IAM role l4e-role, exported by rolewiz
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              RoleName: l4e-role
              Path: /
              AssumeRolePolicyDocument:
                Version: '2012-10-17'
                Statement:
                - Effect: Allow
                  Principal:
                    Service:
                    - sagemaker.amazonaws.com
                    - lookoutequipment.amazonaws.com
                  Action: sts:AssumeRole
              ManagedPolicyArns:
              - arn:aws:iam::aws:policy/AmazonS3FullAccess
              - arn:aws:iam::aws:policy/IAMFullAccess
              - arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess
        Outputs:
          RoleArn:
            Description: The ARN of l4e-role
            Value:
              Fn::GetAtt:
              - Role
              - Arn
        """#

    static let terraform = #"""
        resource "aws_iam_role" "l4e-role" {
          name = "l4e-role"
          path = "/"
          assume_role_policy = jsonencode({
            Version = "2012-10-17"
            Statement = [
              {
                Effect = "Allow"
                Principal = {
                  Service = [
                    "sagemaker.amazonaws.com",
                    "lookoutequipment.amazonaws.com",
                  ]
                }
                Action = "sts:AssumeRole"
              },
            ]
          })
        }

        resource "aws_iam_role_policy_attachment" "l4e-role" {
          for_each = toset([
            "arn:aws:iam::aws:policy/AmazonS3FullAccess",
            "arn:aws:iam::aws:policy/IAMFullAccess",
            "arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess",
          ])
          role       = aws_iam_role.l4e-role.name
          policy_arn = each.value
        }

        output "l4e-role_arn" {
          value = aws_iam_role.l4e-role.arn
        }
        """#
}
