// Parameters for infra/main.bicep. Deploy with:
//
//   az deployment group create --resource-group <rg> --parameters infra/main.bicepparam
//
// Every value here can be committed: nothing in this file is a secret. The
// values marked "from the environment" are read from environment variables
// when you deploy (the GitHub workflow sets them from repository variables
// and secrets), with the default after the comma when the variable is unset.

using './main.bicep'

// Short name for the resources (3 to 16 lower-case letters, digits or hyphens).
// Resource names are built from it, such as <name>-plan and <name>-bot-<hash>.
param name = readEnvironmentVariable('AT_NAME', 'actiontracker')

// How the bot signs in to the Bot Framework:
//   'UserAssignedMSI' - the managed identity this template creates; no secret anywhere. Recommended.
//   'SingleTenant'    - an Entra app registration you create; needs botAppId and botAppPassword.
param botAppType = 'UserAssignedMSI'

// SingleTenant only: the app registration's application (client) id (from the environment).
param botAppId = readEnvironmentVariable('MicrosoftAppId', '')

// SingleTenant only: the app registration's client secret. It is read from the
// MicrosoftAppPassword environment variable at deployment time and must never
// be written into this file.
param botAppPassword = readEnvironmentVariable('MicrosoftAppPassword', '')

// Microsoft 365 tenants whose people may use the bot, comma-separated tenant ids
// (from the environment). Empty means this subscription's own tenant only.
param allowedTenants = readEnvironmentVariable('ALLOWED_TENANTS', '')

// The Teams app id, the "id" in the app package (from the environment; optional).
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')

// The app registration the Teams tab signs people in with (from the environment). Needed with
// UserAssignedMSI, whose identity cannot expose an API; see docs/deploy.md, "Sign-in for the tab".
param tabAppId = readEnvironmentVariable('TAB_APP_ID', '')

// App Service plan size. B1 is enough for one council; Always On needs B1 or above.
param appServicePlanSku = 'B1'

// Storage redundancy. Standard_ZRS is a good choice in uksouth.
param storageSku = 'Standard_LRS'

// Azure Bot tier. Teams messages are free on both F0 and S1; S1 has an SLA.
param botSku = 'S1'

// How long Log Analytics keeps logs, in days.
param logRetentionDays = 30

// Tags on every resource, for cost reports.
param tags = {
  application: 'action-tracker'
  service: 'childrens-services-improvement'
}
