// Action Tracker: everything it needs in one Azure resource group.
//
//   az deployment group create --resource-group <rg> --parameters infra/main.bicepparam
//
// Creates: a user-assigned managed identity; a Storage account (Table
// service) the identity can use without a key; Log Analytics and Application
// Insights; an App Service plan and Linux web app (Node 22 LTS); and an Azure
// Bot with the Microsoft Teams channel pointing at https://<web app>/api/messages.
// No secret is stored here: with botAppType 'UserAssignedMSI' (the default)
// there is none at all, and with 'SingleTenant' the client secret is passed
// in at deployment time (see main.bicepparam).

targetScope = 'resourceGroup'

// ----------------------------------------------------------------------------
// Parameters
// ----------------------------------------------------------------------------

@description('Short name used to build resource names: lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(16)
param name string

@description('Azure region for everything except the bot registration (which is global). UK councils usually choose uksouth or ukwest.')
param location string = resourceGroup().location

@description('How the bot proves who it is to the Bot Framework. UserAssignedMSI: the managed identity, no secret (recommended). SingleTenant: an Entra app registration with a client secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the Entra app registration\'s application (client) id. Leave empty for UserAssignedMSI.')
param botAppId string = ''

@description('SingleTenant only: the app registration\'s client secret. Never commit it: main.bicepparam reads it from the MicrosoftAppPassword environment variable.')
@secure()
param botAppPassword string = ''

@description('The Microsoft Entra tenant the bot belongs to.')
param tenantId string = subscription().tenantId

@description('Comma-separated Microsoft 365 tenant ids allowed to use the bot. Empty means this tenant only.')
param allowedTenants string = ''

@description('The Teams app id (the manifest "id"), if already chosen. Optional; used for logging only.')
param teamsAppId string = ''

@description('The Entra app registration the Teams tab signs people in with (Expose an API, scope access_as_user). Empty: the bot\'s app id, which works only for a SingleTenant bot; a managed identity cannot expose an API.')
param tabAppId string = ''

@description('Web app name; must be unique across Azure. Empty builds one from the name and a hash of the resource group.')
param webAppName string = ''

@description('App Service plan size. Always On needs Basic (B1) or above.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P1mv3'
])
param appServicePlanSku string = 'B1'

@description('Storage redundancy. Standard_ZRS keeps copies in three zones where the region supports it.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Azure Bot pricing tier. Teams is a standard channel, free on both; S1 comes with an SLA.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'S1'

@description('Start command for the web app.')
param startCommand string = 'npm run serve'

@description('Days to keep logs in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags for every resource.')
param tags object = {
  application: 'action-tracker'
}

// ----------------------------------------------------------------------------
// Names and shared values
// ----------------------------------------------------------------------------

var suffix = take(uniqueString(subscription().id, resourceGroup().id, name), 6)
var siteName = empty(webAppName) ? '${name}-${suffix}' : webAppName
var storageAccountName = take(replace(toLower('st${name}${uniqueString(resourceGroup().id, name)}'), '-', ''), 24)
var siteHostName = '${siteName}.azurewebsites.net'
var messagingEndpoint = 'https://${siteHostName}/api/messages'
var tableEndpoint = 'https://${storageAccountName}.table.${environment().suffixes.storage}'
var useManagedIdentityForBot = botAppType == 'UserAssignedMSI'
var microsoftAppId = useManagedIdentityForBot ? appIdentity.properties.clientId : botAppId
var allowedTenantList = empty(allowedTenants) ? tenantId : allowedTenants

// Storage Table Data Contributor: read, write and delete tables and entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// ----------------------------------------------------------------------------
// Identity
// ----------------------------------------------------------------------------

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
  tags: tags
}

// ----------------------------------------------------------------------------
// Monitoring
// ----------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// ----------------------------------------------------------------------------
// Storage: Azure Table Storage, reached with the managed identity (no keys)
// ----------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only Microsoft Entra ID sign-in: no account keys, no SAS tokens.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {}
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'Action Tracker web app reads and writes its tables.'
  }
}

// ----------------------------------------------------------------------------
// Web app: Linux, Node 22 LTS
// ----------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true // Linux
  }
}

var baseAppSettings = [
  {
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'BOT_AUTH'
    value: 'on'
  }
  {
    name: 'MicrosoftAppType'
    value: botAppType
  }
  {
    name: 'MicrosoftAppId'
    value: microsoftAppId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenantId
  }
  {
    name: 'ALLOWED_TENANTS'
    value: allowedTenantList
  }
  {
    name: 'STORAGE_ACCOUNT_URL'
    value: tableEndpoint
  }
  {
    // Tells DefaultAzureCredential which managed identity to use for storage.
    name: 'AZURE_CLIENT_ID'
    value: appIdentity.properties.clientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
  {
    name: 'BOT_DOMAIN'
    value: siteHostName
  }
  {
    name: 'TEAMS_APP_ID'
    value: teamsAppId
  }
  {
    name: 'TAB_APP_ID'
    value: tabAppId
  }
  {
    // The deployment zip is built by CI with its node_modules; do not rebuild on the server.
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'false'
  }
]

// SingleTenant only: the client secret, passed in at deployment time.
var passwordAppSettings = [
  {
    name: 'MicrosoftAppPassword'
    value: botAppPassword
  }
]

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: startCommand
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: useManagedIdentityForBot ? baseAppSettings : concat(baseAppSettings, passwordAppSettings)
    }
  }
}

// Deploy with Microsoft Entra ID (azure/login), never with publishing passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

// ----------------------------------------------------------------------------
// Azure Bot with the Microsoft Teams channel
// ----------------------------------------------------------------------------

var botProperties = {
  displayName: 'Action Tracker'
  description: 'Keeps an improvement plan on track: who does what, by when, and proof it is done.'
  endpoint: messagingEndpoint
  msaAppType: botAppType
  msaAppId: microsoftAppId
  msaAppTenantId: tenantId
  isStreamingSupported: false
}

var botManagedIdentityProperties = {
  msaAppMSIResourceId: appIdentity.id
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: useManagedIdentityForBot ? union(botProperties, botManagedIdentityProperties) : botProperties
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

// ----------------------------------------------------------------------------
// Outputs: what the next deployment steps need
// ----------------------------------------------------------------------------

@description('Web app name, for az webapp deploy.')
output webAppName string = site.name

@description('The bot\'s host name: BOT_DOMAIN when building the Teams app package.')
output botDomain string = site.properties.defaultHostName

@description('The messaging endpoint registered with the Azure Bot.')
output messagingEndpoint string = messagingEndpoint

@description('The bot id: MicrosoftAppId when building the Teams app package.')
output microsoftAppId string = microsoftAppId

@description('Azure Bot resource name.')
output botName string = bot.name

@description('Table endpoint (STORAGE_ACCOUNT_URL).')
output storageAccountUrl string = tableEndpoint

@description('Storage account name.')
output storageAccountName string = storage.name

@description('Managed identity client id.')
output identityClientId string = appIdentity.properties.clientId

@description('Managed identity principal (object) id, for extra role assignments.')
output identityPrincipalId string = appIdentity.properties.principalId
