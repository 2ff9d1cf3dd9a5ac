package io.calendargateway.upstream;

import java.util.List;

/**
 * A calendar folder of a mailbox with its calendar sub-folders, counts as Exchange keeps them.
 *
 * @param id the backend's folder id; usable as {@code folderId} of a room binding
 * @param totalCount items stored in the folder, a recurring series counting once; null when the backend gives
 *        no count
 * @param childFolderCount the folder's direct sub-folders as the backend counts them
 */
public record FolderNode(String id, String name, Integer totalCount, int childFolderCount, List<FolderNode> children) {

    public FolderNode {
        children = List.copyOf(children);
    }
}
