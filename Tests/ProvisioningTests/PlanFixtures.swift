import IAMClient
import Provisioning

/// The seed recipe's role: `l4e-role`, trusted by SageMaker and Lookout for
/// Equipment in one statement, with the three AWS managed policies.
enum SeedRole {
    static let trustPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {
                "Service": [
                  "sagemaker.amazonaws.com",
                  "lookoutequipment.amazonaws.com"
                ]
              },
              "Action": "sts:AssumeRole"
            }
          ]
        }
        """

    static let policyArns = [
        "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        "arn:aws:iam::aws:policy/IAMFullAccess",
        "arn:aws:iam::aws:policy/AmazonLookoutEquipmentFullAccess",
    ]

    static var role: DesiredRole {
        DesiredRole(roleName: "l4e-role", trustPolicy: trustPolicy, policyArns: policyArns)
    }

    /// The seed role with a description, session limit and tags set.
    static var fullRole: DesiredRole {
        var role = role
        role.description = "Lookout for Equipment access"
        role.maxSessionDuration = 7200
        role.tags = [RoleTag(key: "team", value: "data"), RoleTag(key: "env", value: "prod")]
        return role
    }
}
