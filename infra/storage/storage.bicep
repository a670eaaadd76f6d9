// Unlock's state and audit trail: a storage account only Entra identities can use (no account keys,
// no anonymous reads, TLS 1.2 and HTTPS only), one private container, the bot's identity as
// Storage Blob Data Contributor on the account, and a lifecycle rule that deletes expiring records.

@minLength(3)
@maxLength(24)
param accountName string

param location string

param sku string

param containerName string

@description('Object id of the managed identity the bot runs as.')
param dataContributorPrincipalId string

@description('Days after their last change when blobs under the expiring prefixes are deleted.')
param expiringRecordDays int

// Blob name prefixes of records that expire: card records (`cards/`), claims (`claims/`), questions
// asked in Teams (`teamsConfirmations/`, answerable for minutes) and the limit ledgers (`limits/`,
// rewritten at every counted write; one untouched for 30 days holds nothing inside a window). Audit
// records (`audit/`) are kept: no rule names them. The bot must write expiring records under these
// prefixes. botbuilder's BlobsStorage URI-encodes a whole key (`cards/abc` becomes the blob
// `cards%2Fabc`), so each prefix is matched in both spellings: records written with the Blob SDK and
// through BlobsStorage expire alike. A prefix starts with the container's name.
var expiringPrefixMatches = [
  '${containerName}/cards/'
  '${containerName}/cards%2F'
  '${containerName}/claims/'
  '${containerName}/claims%2F'
  '${containerName}/teamsConfirmations/'
  '${containerName}/teamsConfirmations%2F'
  '${containerName}/limits/'
  '${containerName}/limits%2F'
]

// Built-in role "Storage Blob Data Contributor".
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // A blob deleted by mistake (or by an attacker with the bot's identity) can be undeleted for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

resource dataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, dataContributorPrincipalId, storageBlobDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: dataContributorPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// https://learn.microsoft.com/azure/storage/blobs/lifecycle-management-overview: a prefix starts
// with the container name; the rule runs about once a day, so a record may outlive its limit by a day.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-card-records-and-claims'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: expiringPrefixMatches
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: expiringRecordDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    container
  ]
}

output accountName string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output containerName string = container.name
