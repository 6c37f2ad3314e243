// GraalJS has no Web Crypto; lib0 binds crypto.getRandomValues when it loads. yjs uses it only to
// pick a Y.Doc's client id, and the server's documents never author content (they only read and
// merge the browsers' updates), so Math.random is enough here.
if (typeof globalThis.crypto === 'undefined') {
  globalThis.crypto = {
    subtle: undefined,
    getRandomValues(array) {
      for (let i = 0; i < array.length; i++) array[i] = Math.floor(Math.random() * 0x100000000);
      return array;
    }
  };
}
