import { Box, Button, Flex, Typography } from '@strapi/design-system';

/** Newer / page n of m / Older, under a Settings page's newest-first table. */
export const Pager = ({ page, pageCount, onPage }: { page: number; pageCount: number; onPage: (page: number) => void }) => (
  <Box paddingTop={4}>
    <Flex gap={2} justifyContent="flex-end">
      <Button variant="tertiary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Newer
      </Button>
      <Typography>
        Page {page} of {Math.max(pageCount, 1)}
      </Typography>
      <Button variant="tertiary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Older
      </Button>
    </Flex>
  </Box>
);
