#!/bin/sh
# The seed role with the AWS CLI, one process per call, as a shell script
# would do it: look the role up, create it, attach the three policies.
#   aws_cli_sequence.sh ENDPOINT ROLE_NAME [reapply]
# With "reapply" only the reads run (the role is already right).
set -e
endpoint=$1
role=$2
export AWS_EC2_METADATA_DISABLED=true
iam() { aws --endpoint-url "$endpoint" --output json iam "$@" >/dev/null; }

if [ "$3" = reapply ]; then
    iam get-role --role-name "$role"
    iam list-attached-role-policies --role-name "$role"
    iam list-role-tags --role-name "$role"
    exit 0
fi
iam get-role --role-name "$role" 2>/dev/null && exit 0
trust='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["sagemaker.amazonaws.com","lookoutequipment.amazonaws.com"]},"Action":"sts:AssumeRole"}]}'
iam create-role --role-name "$role" --assume-role-policy-document "$trust" \
    --description "Lets Amazon Lookout for Equipment and SageMaker access the data they need"
for policy in AmazonS3FullAccess IAMFullAccess AmazonLookoutEquipmentFullAccess; do
    iam attach-role-policy --role-name "$role" --policy-arn "arn:aws:iam::aws:policy/$policy"
done
