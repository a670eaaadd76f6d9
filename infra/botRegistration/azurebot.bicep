// Registers the web app as a bot with Azure AI Bot Service and connects it to Microsoft Teams.
// The bot's Microsoft App ID is the user-assigned managed identity's client id (msaAppType
// UserAssignedMSI): there is no app secret to create, store or rotate.

@maxLength(64)
param botServiceName string

@maxLength(42)
param botDisplayName string

param botServiceSku string

param identityResourceId string

param identityClientId string

param identityTenantId string

@description('Host name of the web app, without https://')
param botAppDomain string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityResourceId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botServiceName string = botService.name
