extension RolePreset {
    /// Every preset, the seed recipe first.
    public static let all: [RolePreset] = [
        lookoutEquipment, sageMakerExecution, lambdaBasic, ec2Instance, glueService, ecsTaskExecution,
    ]

    /// The recipe rolewiz started from: one role both SageMaker and Lookout
    /// for Equipment assume, with the three policies the guide attaches.
    /// The guide's two trust statements are written as one, the merged form.
    public static let lookoutEquipment = RolePreset(
        id: "lookout-equipment",
        summary: "Role for Amazon Lookout for Equipment and SageMaker to read S3 data (l4e-role)",
        source: "Amazon Lookout for Equipment User Guide, Step 2: Set up IAM Access Roles for Lookout for Equipment",
        spec: RoleSpec(
            name: "l4e-role",
            description: "Lets Amazon Lookout for Equipment and SageMaker access the data they need",
            trust: .services(["sagemaker.amazonaws.com", "lookoutequipment.amazonaws.com"]),
            managedPolicies: ["AmazonS3FullAccess", "IAMFullAccess", "AmazonLookoutEquipmentFullAccess"]))

    /// A SageMaker execution role with `AmazonSageMakerFullAccess`, as the developer guide describes it.
    public static let sageMakerExecution = RolePreset(
        id: "sagemaker-execution",
        summary: "Execution role for SageMaker notebooks, training jobs and endpoints",
        source: "Amazon SageMaker Developer Guide, How to use SageMaker execution roles",
        spec: RoleSpec(
            name: "sagemaker-execution-role",
            description: "Execution role for Amazon SageMaker",
            trust: .services(["sagemaker.amazonaws.com"]),
            managedPolicies: ["AmazonSageMakerFullAccess"]))

    /// A Lambda execution role that may only write its logs: the least a function needs.
    public static let lambdaBasic = RolePreset(
        id: "lambda-basic",
        summary: "Lambda execution role that can write logs to CloudWatch Logs and nothing else",
        source: "AWS Lambda Developer Guide, Defining Lambda function permissions with an execution role",
        spec: RoleSpec(
            name: "lambda-basic-execution",
            description: "Lambda execution role with CloudWatch Logs access only",
            trust: .services(["lambda.amazonaws.com"]),
            managedPolicies: ["service-role/AWSLambdaBasicExecutionRole"]))

    /// An EC2 role for Systems Manager; EC2 may assume it, so it gets an instance profile of its name, as the console makes one.
    public static let ec2Instance = RolePreset(
        id: "ec2-instance",
        summary: "EC2 instance role managed through Systems Manager, with its instance profile of the same name",
        source: "AWS Systems Manager User Guide, Configure instance permissions required for Systems Manager",
        spec: RoleSpec(
            name: "ec2-ssm-instance",
            description: "EC2 instance role for Systems Manager",
            trust: .services(["ec2.amazonaws.com"]),
            managedPolicies: ["AmazonSSMManagedInstanceCore"]))

    /// A Glue service role, named with the `AWSGlueServiceRole` prefix the guide asks for:
    /// Glue's console managed policy lets people pass only roles named so.
    public static let glueService = RolePreset(
        id: "glue-service",
        summary: "Service role for AWS Glue crawlers and ETL jobs",
        source: "AWS Glue Developer Guide, Step 2: Create an IAM role for AWS Glue",
        spec: RoleSpec(
            name: "AWSGlueServiceRole-default",
            description: "Service role for AWS Glue crawlers and jobs",
            trust: .services(["glue.amazonaws.com"]),
            managedPolicies: ["service-role/AWSGlueServiceRole"]))

    /// The ECS task execution role, under the name the ECS guide and console use (`ecsTaskExecutionRole`).
    public static let ecsTaskExecution = RolePreset(
        id: "ecs-task-execution",
        summary: "Lets the ECS agent pull container images and write task logs",
        source: "Amazon ECS Developer Guide, Amazon ECS task execution IAM role",
        spec: RoleSpec(
            name: "ecsTaskExecutionRole",
            description: "ECS task execution role for pulling images and writing logs",
            trust: .services(["ecs-tasks.amazonaws.com"]),
            managedPolicies: ["service-role/AmazonECSTaskExecutionRolePolicy"]))
}
