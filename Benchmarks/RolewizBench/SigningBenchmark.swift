import Foundation
import SigV4

/// Signs the same requests `botocore_sign.py` signs: IAM Query POSTs of the
/// calls an apply makes, with a session token, at a fixed date.
enum SigningBenchmark {
    /// The bodies `apply` sends for the seed role (same list as botocore_sign.py).
    static let bodies = [
        "Action=GetRole&RoleName=l4e-role&Version=2010-05-08",
        "Action=ListAttachedRolePolicies&RoleName=l4e-role&Version=2010-05-08",
        "Action=ListRoleTags&RoleName=l4e-role&Version=2010-05-08",
        "Action=CreateRole&AssumeRolePolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%5B%22sagemaker.amazonaws.com%22%2C%22lookoutequipment.amazonaws.com%22%5D%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D&RoleName=l4e-role&Version=2010-05-08",
        "Action=AttachRolePolicy&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAmazonS3FullAccess&RoleName=l4e-role&Version=2010-05-08",
    ].map { Data($0.utf8) }

    static func run(count: Int) {
        let signer = SigV4Signer(
            credentials: SigningCredentials(
                accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                sessionToken: "bench-session-token"),
            service: "iam", region: "us-east-1")
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let headers = [
            ("Host", "iam.amazonaws.com"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ]
        var checksum = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for index in 0..<count {
                let body = bodies[index % bodies.count]
                let signature = signer.sign(method: "POST", path: "/", headers: headers, body: body, date: date)
                checksum &+= signature.signature.utf8.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The checksum keeps the optimiser from dropping the work.
        print(String(format: "%.0f", Double(count) / seconds), "requests/s", "(\(count) signed, checksum \(checksum))")
    }
}
