/** Who acts and where: what Teams vouches for in an activity, never what a card says. */

export interface Actor {
  readonly aadObjectId: string;
  readonly name?: string;
}

/** The conversation an activity came from. */
export interface Place {
  readonly conversationId: string;
  /** `personal`, `channel` or `groupChat`, as Teams sends it. */
  readonly conversationType?: string;
  readonly channelId?: string;
  readonly teamId?: string;
}
