/** Every message key: the English catalogue is the reference every language must match. */
import type { en } from './en';
import type { enConversation } from './enConversation';

export type MessageKey = keyof typeof en | keyof typeof enConversation;
