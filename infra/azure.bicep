// Unlock in Azure: the identity the bot runs as, the App Service that runs it, the storage that keeps
// its state and audit trail, and the Azure Bot that connects it to Teams.
// `atk provision --env dev` (m365agents.yml, action arm/deploy) deploys this file with
// azure.parameters.json and writes every output below into env/.env.dev. Walk-through: docs/deployment.md.

@minLength(4)
@maxLength(20)
@description('Base of every resource name: "unlock" plus the toolkit\'s random RESOURCE_SUFFIX.')
param resourceBaseName string

@maxLength(42)
@description('The name the Azure Bot resource shows.')
param botDisplayName string

param location string = resourceGroup().location

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
@description('App Service plan size. Always On needs Basic or higher, so Free and Shared are not offered.')
param appServicePlanSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('Instances of the bot: the plan\'s capacity. Instances share one store and behave as one bot; Basic allows up to 3.')
param instanceCount int = 1

@description('App Service runtime stack. The project builds and tests on Node 20.')
param linuxFxVersion string = 'NODE|20-lts'

@minLength(36)
@maxLength(36)
@description('Object id of the Entra group whose members are helpdesk operators (HELPDESK_GROUP_ID).')
param helpdeskGroupId string

@description('Comma-separated tenant ids served (ALLOWED_TENANTS). Empty: the tenant the bot works in.')
param allowedTenants string = ''

@description('Comma-separated Teams channel ids where account details may be shown (HELPDESK_CHANNEL_IDS).')
param helpdeskChannelIds string = ''

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Microsoft Teams is a standard channel: free on both.')
param botServiceSku string = 'F0'

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@minLength(3)
@maxLength(63)
@description('Blob container for state, card records, claims and the audit trail (STORAGE_CONTAINER).')
param storageContainerName string = 'unlock'

@minValue(1)
@description('Days after their last change when card records and claims are deleted by the lifecycle rule.')
param expiringRecordDays int = 30

// arm/deploy replaces ${{NAME}} in azure.parameters.json only when NAME has a value, so an optional
// setting left empty in env/.env.dev arrives as the placeholder itself; it must not reach the app.
var unexpandedPlaceholder = '\${{'
var allowedTenantsGiven = !empty(allowedTenants) && !startsWith(allowedTenants, unexpandedPlaceholder)
var allowedTenantsSetting = allowedTenantsGiven ? allowedTenants : tenant().tenantId
var helpdeskChannelIdsSetting = startsWith(helpdeskChannelIds, unexpandedPlaceholder) ? '' : helpdeskChannelIds

// One identity for both jobs: the Bot Framework identity (MicrosoftAppType=UserAssignedMSI) and the
// Graph and Exchange Online credential (AZURE_CLIENT_ID). It holds no secret anyone could leak.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

module storage 'storage/storage.bicep' = {
  name: 'Unlock-storage'
  params: {
    accountName: 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
    location: location
    sku: storageSku
    containerName: storageContainerName
    dataContributorPrincipalId: identity.properties.principalId
    expiringRecordDays: expiringRecordDays
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    // The number of instances. The site's numberOfWorkers stays unset: it only matters with per-site scaling.
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Any instance can serve any turn (state is in the shared store), so no sticky sessions.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // The package holds dist/ and production dependencies only, so not `npm start` (it builds first,
      // and locally starts Azurite and the Playground), but the file it runs: the service bundled into
      // one file by `npm run build` (scripts/bundle.ts), which starts faster than its ~2,200 modules,
      // compiled with the code cache the build writes beside it (src/host/start.ts).
      // test/deployment checks that it is npm start's file and that its source exists.
      appCommandLine: 'node dist/src/host/start.js'
      alwaysOn: true
      // App Service takes an instance out of the load balancer when this stops answering 200.
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          // Graph and Exchange Online through the managed identity (App Service sets IDENTITY_ENDPOINT).
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'AZURE_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'HELPDESK_GROUP_ID'
          value: helpdeskGroupId
        }
        {
          name: 'ALLOWED_TENANTS'
          value: allowedTenantsSetting
        }
        {
          name: 'HELPDESK_CHANNEL_IDS'
          value: helpdeskChannelIdsSetting
        }
        {
          name: 'STORAGE'
          value: 'blob'
        }
        {
          name: 'STORAGE_ACCOUNT_URL'
          value: storage.outputs.blobEndpoint
        }
        {
          name: 'STORAGE_CONTAINER'
          value: storage.outputs.containerName
        }
        {
          name: 'PLAYGROUND'
          value: 'off'
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          // azureAppService/zipDeploy uploads a built package; App Service runs it read-only from the zip.
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

// No FTP or Kudu passwords: the toolkit's zipDeploy signs in with the deploying user's Entra token.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

module azureBot 'botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: resourceBaseName
    botDisplayName: botDisplayName
    botServiceSku: botServiceSku
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    identityTenantId: identity.properties.tenantId
    botAppDomain: webApp.properties.defaultHostName
  }
}

// arm/deploy writes each output into env/.env.<environment> under its (upper-case) name.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_AZURE_APP_SERVICE_NAME string = webApp.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.accountName
output STORAGE_ACCOUNT_URL string = storage.outputs.blobEndpoint
output STORAGE_CONTAINER string = storage.outputs.containerName
