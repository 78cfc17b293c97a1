"""The screens worth a picture, one line each. A scene starts rolewiz with its arguments under tmux
in a window of `size` (default 100x30), plays its steps and keeps the screen the last
wait saw as NAME.png, NAME.txt and NAME.ansi.

Steps: wait("text", ...) until all strings are on screen and it is still;
keys("Tab", "Enter", ...) in tmux key names; type_("text") literally.
`environment` is added to the base one (moto endpoint, throwaway credentials, TERM,
UTF-8 locale); `setup` names preparations from pipeline/setups.py.
"""
from pipeline.scene import Scene, keys, type_, wait

PRESET = ("wizard", "--preset", "lookout-equipment")
# From the start screen of the preset to each later step (Enter accepts a step).
TO_ENTITY = (wait("from preset lookout-equipment"), keys("Enter"), wait("Trusted entity type"))
TO_PERMISSIONS = TO_ENTITY + (keys("Enter"), wait("3 of 10 selected", absent="loading"))
TO_TRUST = TO_PERMISSIONS + (keys("Enter"), wait("Size "))
# Scenes that only pass through permissions need not wait for the policy list.
TO_REVIEW = TO_ENTITY + (keys("Enter"), wait("3 of 10 selected", still=False), keys("Enter"), wait("Size "),
                         keys("Enter"), wait("Role name"), keys("Enter"), wait("Enter to create the role."))

SCENES = [
    Scene("start", (), (wait("What would you like to do?", "123456789012"),),
          description="Start: who you are (account, caller, region) and what to do"),
    Scene("trusted-entity", ("wizard",), (
        wait("Create a custom role"), keys("Down", "Enter"), wait("Trusted entity type"),
        keys("Space", "Down", "Space"), wait("2 selected")),
        description="Trusted entity: two AWS services selected"),
    Scene("permissions-search", PRESET, TO_PERMISSIONS + (
        keys("/"), type_("Lookout"), keys("Enter"), wait("filter: Lookout", '"lookoutequipment:*"')),
        description="Permissions filtered by a search, with the policy preview"),
    Scene("policy-preview", PRESET, TO_PERMISSIONS + (
        keys("/"), type_("IAMFullAccess"), keys("Enter", "Tab"), wait('"iam:*"')),
        description="Policy preview: the selected managed policy's document"),
    Scene("trust-editor", PRESET, TO_TRUST + (wait("Size ", "problems"),),
          description="Trust policy editor with lint findings at their line"),
    Scene("review", PRESET, TO_REVIEW, setup=("no-role",),
          description="Review: the plan of IAM calls"),
    Scene("apply-progress", PRESET, TO_REVIEW + (keys("Enter"), wait("Applying", "create role", still=False)),
          setup=("no-role", "slow-iam"), description="Apply in progress (IAM slowed by a proxy)"),
    Scene("done", PRESET, TO_REVIEW + (
        keys("Enter"), wait("Enter to continue"), keys("Enter"),
        wait("The role is ready.", "arn:aws:iam::123456789012:role/l4e-role")),
        setup=("no-role",), description="Done: the new role's ARN"),
    Scene("edit-diff", ("edit", "l4e-role"), (
        wait("Attached policies (1)"), keys("v"), wait("Trusted entity type"),
        keys("/"), type_("lookoutequipment"), keys("Enter", "Space", "Escape", "Enter"),
        wait("Attached policies (1)"), keys("Enter"), wait("Enter to apply the changes.")),
        setup=("existing-role",), description="Editing an existing role: the diff before applying"),
    Scene("existing-role", PRESET, TO_ENTITY + (
        keys("Enter"), wait("3 of 10 selected", still=False), keys("Enter"), wait("Size "),
        keys("Enter"), wait("already exists in this account"), keys("Enter"),
        wait("Role l4e-role already exists: n to choose another name")),
        setup=("existing-role",), description="Create never takes over a role: another name, or these answers as changes to it"),
    Scene("login", ("login", "--profile", "dev"), (wait("enter the code:", "QXWL-HPTM"),),
          setup=("identity-center",), description="rolewiz login: the IAM Identity Center code to approve in any browser"),
    Scene("sign-in", ("--profile", "dev"), (wait("and enter the code:", "QXWL-HPTM", "Or scan the QR code"),), size=(120, 40),
          setup=("identity-center",), description="The wizard's start screen signing in to IAM Identity Center: page, code and QR code"),
    Scene("details", PRESET, TO_TRUST + (keys("Enter"), wait("Role name"), keys("Tab", "Tab", "Tab"), type_("12h"),
                                          keys("Tab", "Tab"), wait("Enter Choose boundary")),
          description="Details: name, description, path, maximum session, tags and the permissions boundary"),
    Scene("instance-profile", ("wizard", "--preset", "ec2-instance"), (
        wait("from preset ec2-instance"), keys("Enter"), wait("Trusted entity type"), keys("Enter"),
        wait("of 10 selected", still=False), keys("Enter"), wait("Size "), keys("Enter"),
        wait("Create an instance profile with the same name")),
        description="Details of a role EC2 assumes: the instance profile of the same name, on by default"),
    Scene("inline-policy", PRESET, TO_PERMISSIONS + (
        keys("F3"), wait("No inline policies"), keys("a"), wait("0 errors"),
        keys("Down", "Down", "Down", "Down", "Down", "End", "Left", "Left"), type_("s"),
        wait("did you mean s3:GetObject?")),
        description="An inline policy in the JSON editor: identity-policy findings as typed, the role's inline total"),
    Scene("delete", ("edit", "l4e-role"), (
        wait("Attached policies (1)"), keys("D"), wait("Type the role's name")),
        setup=("existing-role",), description="Deleting a role from edit: everything that goes, then its name typed"),
    Scene("help-overlay", PRESET, TO_ENTITY + (keys("?"), wait("Everywhere")),
          description="The help overlay (F1 or ?)"),
    Scene("too-small", (), (wait("Terminal too small"),), size=(40, 10),
          description="The notice when the terminal is smaller than the wizard needs"),
    Scene("monochrome", PRESET, TO_REVIEW, environment={"NO_COLOR": "1"}, setup=("no-role",),
          description="NO_COLOR: the review without colours"),
]
